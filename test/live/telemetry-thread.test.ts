import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArtifactError, createRng } from '../../src/core/index.js';
import { CLASSES } from '../../src/labels/index.js';
import {
  type Decision,
  emptyDecision,
  memorySink,
  PREDICTION_SOURCES,
  TelemetryThread,
  TelemetryWriter,
} from '../../src/live/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sq-tthread-'));
  dirs.push(d);
  return d;
}

const SYMBOLS = ['RELIANCE', 'M&M', 'A"B\\C', 'Ünïcode 📈'];

/** Decision i of a seeded stream: shared and odd bar times, edge numbers, every class and source. */
function decisionStream(seed: string): (d: Decision, i: number) => void {
  const rng = createRng(seed);
  const edges = [Number.NaN, Number.POSITIVE_INFINITY, -0, 0, 1e-12, 0.99996, 1.2, 0.5, 2147483648.75];
  const draw = () =>
    rng.next() < 0.3 ? edges[rng.int(edges.length)] : (rng.next() - 0.5) * 10 ** rng.int(7);
  return (d, i) => {
    d.symbol = rng.int(SYMBOLS.length);
    d.ts = rng.next() < 0.9 ? Date.UTC(2024, 0, 2, 3, 45) + Math.floor(i / 5) * 300_000 : edges[rng.int(3)];
    d.direction = rng.next() < 0.9 ? rng.int(3) - 1 : 7 - rng.int(15);
    d.strength = draw();
    d.studentClass = rng.int(CLASSES.length + 1) - 1;
    d.confidence = draw();
    d.factor = draw();
    d.target = draw();
    d.source = rng.int(PREDICTION_SOURCES.length);
    d.latencyUs = draw();
  };
}

/** The same calls on both outputs: lines, model and threshold changes (and flushes on the thread). */
function feed(
  outs: { write(d: Decision): void; setModel(v: string | null): void; setThreshold(t: number): void }[],
  n: number,
  seed: string,
  flushEvery = 0,
  flush?: () => void,
): void {
  const next = decisionStream(seed);
  const rng = createRng(`${seed}-commands`);
  const d = emptyDecision();
  for (let i = 0; i < n; i++) {
    if (i % 301 === 0) {
      const v = rng.next() < 0.3 ? null : `student:${i.toString(16)}"é${'\n'.repeat(rng.int(40))}`;
      for (const o of outs) o.setModel(v);
    }
    if (i % 457 === 0) {
      const t = rng.next() < 0.2 ? Number.NaN : Math.round(rng.next() * 1000) / 1000;
      for (const o of outs) o.setThreshold(t);
    }
    next(d, i);
    for (const o of outs) o.write(d);
    if (flushEvery > 0 && i % flushEvery === flushEvery - 1) flush?.();
  }
}

describe('TelemetryThread', () => {
  it('writes the same bytes as the in-thread writer, through a ring that wraps and fills thousands of times', async () => {
    const path = join(tempDir(), 'sub', 'telemetry.jsonl');
    // 8 slots: the engine waits for room every few lines; 4 KiB chunks: the thread writes often.
    const thread = new TelemetryThread(path, SYMBOLS, { capacity: 8, chunkBytes: 4096 });
    expect(existsSync(path)).toBe(true); // opened (and truncated) at once, as the in-thread file sink
    thread.ready();
    const sink = memorySink();
    const inThread = new TelemetryWriter(sink, SYMBOLS, 4096);
    feed([thread, inThread], 5000, 'thread-bytes');
    await thread.close();
    await inThread.close();
    expect(thread.lines).toBe(5000);
    const want = sink.text();
    expect(want.split('\n').length).toBe(5001);
    expect(readFileSync(path, 'utf8')).toBe(want);
  });

  it('flush returns once every line so far is in the file; close writes the rest', async () => {
    const path = join(tempDir(), 'telemetry.jsonl');
    const thread = new TelemetryThread(path, SYMBOLS, { capacity: 64 });
    const sink = memorySink();
    const inThread = new TelemetryWriter(sink, SYMBOLS);
    feed([thread, inThread], 1000, 'thread-flush');
    thread.flush();
    inThread.flush();
    // Lines are far below the 1 MiB chunk: only the flush put them in the file.
    expect(readFileSync(path, 'utf8')).toBe(sink.text());
    expect(readFileSync(path, 'utf8').split('\n').length).toBe(1001);
    feed([thread, inThread], 10, 'thread-flush-more');
    await thread.close();
    await inThread.close();
    expect(readFileSync(path, 'utf8')).toBe(sink.text());
    expect(sink.text().split('\n').length).toBe(1011);
  });

  it('repeated flushes between lines keep the order', async () => {
    const path = join(tempDir(), 'telemetry.jsonl');
    const thread = new TelemetryThread(path, SYMBOLS, { capacity: 4, chunkBytes: 8192 });
    const sink = memorySink();
    const inThread = new TelemetryWriter(sink, SYMBOLS, 8192);
    feed([thread, inThread], 600, 'thread-flushes', 7, () => thread.flush());
    await thread.close();
    await inThread.close();
    expect(readFileSync(path, 'utf8')).toBe(sink.text());
  });

  it('a failed write (a full device) is thrown by the next flush and by close', async () => {
    const thread = new TelemetryThread('/dev/full', SYMBOLS, { chunkBytes: 4096 });
    feed([thread], 100, 'thread-enospc'); // ~25 KB: the 4 KiB chunks are written (and fail) on the thread
    expect(() => thread.flush()).toThrow(/ENOSPC/);
    await expect(thread.close()).rejects.toThrow(/ENOSPC/);
  });

  it('a failed write is thrown by a later write once published, and lines after it do not block', async () => {
    const thread = new TelemetryThread('/dev/full', SYMBOLS, { capacity: 16, chunkBytes: 4096 });
    thread.ready();
    const d = emptyDecision();
    d.symbol = 0;
    d.ts = 0;
    // The thread keeps emptying the ring after the failure: 16 slots never stall these writes.
    const writeMany = () => {
      for (let i = 0; i < 200_000; i++) thread.write(d);
    };
    expect(writeMany).toThrow(/ENOSPC/);
    await expect(thread.close()).rejects.toThrow(/ENOSPC/);
  });

  it('a thread that died is a clear error, not a hang', async () => {
    const path = join(tempDir(), 'telemetry.jsonl');
    const thread = new TelemetryThread(path, SYMBOLS, { capacity: 8 });
    thread.ready();
    const worker = (thread as unknown as { worker: { terminate(): Promise<number> } }).worker;
    await worker.terminate();
    await new Promise((r) => setImmediate(r));
    const d = emptyDecision();
    d.symbol = 0;
    d.ts = 0;
    const writeMany = () => {
      for (let i = 0; i < 100; i++) thread.write(d);
    };
    expect(writeMany).toThrow(ArtifactError);
    expect(writeMany).toThrow(/telemetry thread (stopped|exited)/);
    await expect(thread.close()).rejects.toThrow(/telemetry thread/);
  });

  it('a thread that fails while starting is reported by ready() with its own error, and by close', async () => {
    const path = join(tempDir(), 'telemetry.jsonl');
    // A symbol that is not a string breaks the writer's constructor on the thread (TypeError there).
    const thread = new TelemetryThread(path, [42 as unknown as string]);
    expect(() => thread.ready()).toThrow(/slice is not a function/);
    await expect(thread.close()).rejects.toThrow(/slice is not a function/);
  });
});
