import { describe, expect, it } from 'vitest';
import {
  type ByteSink,
  CTRL,
  createRing,
  emptyDecision,
  KIND,
  memorySink,
  type RingMemory,
  RingReader,
  SOURCE_STUDENT,
  TelemetryWriter,
  writeRecord,
} from '../../src/live/index.js';

/** A producer over `ring` as TelemetryThread drives it, without a thread: records, then HEAD. */
function producer(ring: RingMemory) {
  let w = 0;
  return {
    line(d: ReturnType<typeof emptyDecision>) {
      writeRecord(ring, w & (ring.capacity - 1), d);
      w++;
    },
    command(kind: number, x = Number.NaN, seq = 0) {
      const slot = w & (ring.capacity - 1);
      ring.i32[slot * 4] = kind;
      ring.i32[slot * 4 + 1] = seq;
      ring.f64[slot * 8] = x;
      w++;
    },
    publish() {
      Atomics.store(ring.ctrl, CTRL.head, w);
    },
    get room() {
      return ring.capacity - (w - Atomics.load(ring.ctrl, CTRL.tail));
    },
  };
}

function decision(i: number) {
  const d = emptyDecision();
  Object.assign(d, {
    symbol: i % 2,
    ts: Date.UTC(2024, 0, 2) + Math.floor(i / 2) * 300_000,
    direction: (i % 3) - 1,
    strength: i / 7,
    studentClass: i % 4 === 0 ? -1 : i % 3,
    confidence: i % 4 === 0 ? Number.NaN : 0.4 + (i % 5) / 10,
    factor: 1.2,
    target: -0.5 + (i % 3) / 2,
    source: SOURCE_STUDENT,
    latencyUs: i / 100,
  });
  return d;
}

describe('RingReader', () => {
  it('replays lines and commands in order across many wrap-arounds of a 4-slot ring', () => {
    const ring = createRing(4);
    const p = producer(ring);
    const got = memorySink();
    const models = ['v1', null, 'v"2'];
    const posted: (string | null)[] = [];
    const reader = new RingReader(
      ring,
      new TelemetryWriter(got, ['TCS', 'INFY'], 4096),
      got,
      () => posted.shift() ?? null,
      () => {
        throw new Error('no failure expected');
      },
    );
    const want = memorySink();
    const direct = new TelemetryWriter(want, ['TCS', 'INFY'], 4096);
    for (let i = 0; i < 1000; i++) {
      if (i % 97 === 0) {
        const v = models[(i / 97) % 3];
        posted.push(v);
        p.command(KIND.model);
        direct.setModel(v);
      }
      if (i % 131 === 0) {
        p.command(KIND.threshold, i / 1000);
        direct.setThreshold(i / 1000);
      }
      if (p.room === 0) {
        p.publish();
        reader.drain();
      }
      p.line(decision(i));
      direct.write(decision(i));
      // Drain at irregular points: sometimes with the ring full, sometimes nearly empty.
      if (i % 3 === 1) {
        p.publish();
        reader.drain();
      }
      expect(p.room).toBeGreaterThanOrEqual(0);
    }
    p.command(KIND.flush, Number.NaN, 9);
    p.publish();
    expect(reader.drain()).toBe(true);
    expect(Atomics.load(ring.ctrl, CTRL.flushed)).toBe(9);
    direct.flush();
    expect(got.text()).toBe(want.text());
    p.command(KIND.close);
    p.publish();
    expect(reader.drain()).toBe(false);
    expect(reader.closed).toBe(true);
    expect(Atomics.load(ring.ctrl, CTRL.tail)).toBe(reader.position);
  });

  it('after a failed write it reports once, drops later lines, still frees slots and closes the sink', () => {
    const ring = createRing(8);
    const p = producer(ring);
    let writes = 0;
    let closed = 0;
    const sink: ByteSink = {
      write: () => {
        writes++;
        throw new Error('EIO: i/o error, write');
      },
      close: () => {
        closed++;
      },
    };
    const failures: unknown[] = [];
    const reader = new RingReader(
      ring,
      new TelemetryWriter(sink, ['TCS'], 4096),
      sink,
      () => null,
      (e) => failures.push(e),
    );
    const d = decision(0);
    d.symbol = 0;
    for (let i = 0; i < 500; i++) {
      if (p.room === 0) {
        p.publish();
        reader.drain();
      }
      p.line(d);
    }
    p.command(KIND.flush, Number.NaN, 1);
    p.command(KIND.close);
    p.publish();
    expect(reader.drain()).toBe(false);
    expect(failures).toHaveLength(1);
    expect(String(failures[0])).toMatch(/EIO/);
    expect(writes).toBe(1); // nothing written after the failure
    expect(closed).toBe(1);
    expect(Atomics.load(ring.ctrl, CTRL.flushed)).toBe(1); // a flush after a failure still answers
    expect(reader.position).toBe(502);
  });

  it('rejects a capacity that is not a power of two', () => {
    expect(() => createRing(6)).toThrow(/power of two/);
  });
});
