import type { ByteSink } from './byte-sink.js';
import { emptyDecision } from './decision.js';
import { CTRL, F64_SLOTS, I32_SLOTS, KIND, readRecord, type RingMemory } from './telemetry-ring.js';
import type { TelemetryWriter } from './telemetry-writer.js';

/** Records consumed between two hand-backs of their slots (the engine may be waiting for room). */
const RELEASE_EVERY = 1024;

/**
 * The consumer side of the telemetry ring (run by the telemetry thread): each record published is
 * replayed into a TelemetryWriter — the very encoder the engine uses in-thread — so the file's bytes
 * are the same. The first failure (a write error) is kept and reported through `onFailure`; records
 * are consumed (and dropped) after it, so the engine never waits on a ring nobody empties.
 */
export class RingReader {
  private r = 0;
  private readonly d = emptyDecision();
  failure: unknown = null;
  /** True once the close command was consumed (the sink is closed). */
  closed = false;

  constructor(
    private readonly ring: RingMemory,
    private readonly writer: TelemetryWriter,
    private readonly sink: ByteSink,
    /** The next model version posted by the engine (one per model command, in order). */
    private readonly nextModel: () => string | null,
    private readonly onFailure: (e: unknown) => void,
  ) {}

  /** Records consumed so far (the HEAD this reader has caught up with). */
  get position(): number {
    return this.r;
  }

  /** Consumes every record published so far; returns false once the close command was consumed. */
  drain(): boolean {
    const ring = this.ring;
    const ctrl = ring.ctrl;
    const mask = ring.capacity - 1;
    const head = Atomics.load(ctrl, CTRL.head);
    let r = this.r;
    while (r !== head && !this.closed) {
      const slot = r & mask;
      const kind = readRecord(ring, slot, this.d);
      if (kind === KIND.line) {
        if (this.failure === null) {
          try {
            this.writer.write(this.d);
          } catch (e) {
            this.fail(e);
          }
        }
      } else {
        this.command(kind, slot);
      }
      r = (r + 1) | 0;
      if ((r & (RELEASE_EVERY - 1)) === 0) this.release(r);
    }
    this.release(r);
    return !this.closed;
  }

  private command(kind: number, slot: number): void {
    const w = this.writer;
    const ring = this.ring;
    // A model command's string is taken even after a failure, to keep the port in step.
    const version = kind === KIND.model ? this.nextModel() : null;
    if (kind === KIND.close) this.closed = true;
    try {
      if (this.failure !== null) {
        // nothing more is written
      } else if (kind === KIND.model) {
        w.setModel(version);
      } else if (kind === KIND.threshold) {
        w.setThreshold(ring.f64[slot * F64_SLOTS]);
      } else if (kind === KIND.flush || kind === KIND.close) {
        w.flush();
      }
    } catch (e) {
      this.fail(e);
    }
    if (kind === KIND.flush) Atomics.store(ring.ctrl, CTRL.flushed, ring.i32[slot * I32_SLOTS + 1]);
    if (kind === KIND.close) {
      try {
        this.sink.close();
      } catch (e) {
        this.fail(e);
      }
    }
  }

  private fail(e: unknown): void {
    if (this.failure !== null) return;
    this.failure = e;
    this.onFailure(e);
  }

  /** Hands consumed slots back, waking the engine if it waits for room or a flush. */
  private release(r: number): void {
    const ctrl = this.ring.ctrl;
    this.r = r;
    Atomics.store(ctrl, CTRL.tail, r);
    // Taking the flag back (1 → 0) wakes the engine once, not at every release until it has run.
    if (
      Atomics.load(ctrl, CTRL.writerWaits) === 1 &&
      Atomics.compareExchange(ctrl, CTRL.writerWaits, 1, 0) === 1
    ) {
      Atomics.notify(ctrl, CTRL.tail);
    }
  }
}
