import type { Decision } from './decision.js';

/**
 * The shared ring between the engine (one producer) and the telemetry thread (one consumer). Each record
 * is one decision's numbers (or a command) in typed arrays over SharedArrayBuffers: no object per tick.
 * `ctrl` holds int32 counters; positions are int32 counts that wrap at 2^32 (differences taken `| 0`),
 * the slot being `count & (capacity − 1)`.
 *
 * Ordering: the producer fills a record's slots, then publishes it with a seq-cst store of HEAD; the
 * consumer reads slots only below the HEAD it loaded, and hands them back with a seq-cst store of TAIL.
 * Each side sets its "waits" flag before Atomics.wait re-checks the counter it waits on, and the other
 * side loads that flag after storing the counter: one of the two sees the other, so no wake-up is lost.
 */
export const CTRL = {
  /** Records published by the engine. */
  head: 0,
  /** Records the thread has consumed (their slots are free again). */
  tail: 1,
  /** 1 while the thread sleeps (or is about to) waiting for HEAD to move. */
  readerWaits: 2,
  /** 1 while the engine sleeps waiting for TAIL or FLUSHED to move. */
  writerWaits: 3,
  /** 1 once writing failed (the error itself is posted on the message port). */
  failed: 4,
  /** Sequence of the last flush command done. */
  flushed: 5,
  /** 1 once the thread runs (its modules loaded, the writer built). */
  ready: 6,
  /** 1 once the thread stopped consuming (closed, or failed to start). */
  stopped: 7,
} as const;
export const CTRL_SLOTS = 8;

/** Record kinds. */
export const KIND = {
  line: 0,
  /** The model version changes: the next string on the message port (a version or null). */
  model: 1,
  /** The threshold changes: f64 slot 0. */
  threshold: 2,
  /** Everything before it is written to the file; int slot 1 = sequence acknowledged in FLUSHED. */
  flush: 3,
  /** Flush, close the file, stop. */
  close: 4,
} as const;

/** Float slots per record: ts, direction, strength, confidence, factor, target, latency (one spare). */
export const F64_SLOTS = 8;
/** Int slots per record: kind, symbol, student class, source. */
export const I32_SLOTS = 4;

/** The shared memory of a ring (what the thread receives). */
export interface RingMemory {
  capacity: number;
  ctrl: Int32Array;
  f64: Float64Array;
  i32: Int32Array;
}

/** A ring of `capacity` records (a power of two). */
export function createRing(capacity: number): RingMemory {
  if (!(capacity >= 2 && (capacity & (capacity - 1)) === 0)) {
    throw new RangeError(`ring capacity must be a power of two ≥ 2, got ${capacity}`);
  }
  return {
    capacity,
    ctrl: new Int32Array(new SharedArrayBuffer(4 * CTRL_SLOTS)),
    f64: new Float64Array(new SharedArrayBuffer(8 * F64_SLOTS * capacity)),
    i32: new Int32Array(new SharedArrayBuffer(4 * I32_SLOTS * capacity)),
  };
}

/** Copies record `slot` into `d` (kind returned; a line's fields go to `d`, a command's to the caller). */
export function readRecord(ring: RingMemory, slot: number, d: Decision): number {
  const f = ring.f64;
  const i = ring.i32;
  const a = slot * F64_SLOTS;
  const b = slot * I32_SLOTS;
  const kind = i[b];
  if (kind !== KIND.line) return kind;
  d.symbol = i[b + 1];
  d.studentClass = i[b + 2];
  d.source = i[b + 3];
  d.ts = f[a];
  d.direction = f[a + 1];
  d.strength = f[a + 2];
  d.confidence = f[a + 3];
  d.factor = f[a + 4];
  d.target = f[a + 5];
  d.latencyUs = f[a + 6];
  return kind;
}

/** Writes decision `d` as record `slot` (not yet published). */
export function writeRecord(ring: RingMemory, slot: number, d: Decision): void {
  const f = ring.f64;
  const i = ring.i32;
  const a = slot * F64_SLOTS;
  const b = slot * I32_SLOTS;
  i[b] = KIND.line;
  i[b + 1] = d.symbol;
  i[b + 2] = d.studentClass;
  i[b + 3] = d.source;
  f[a] = d.ts;
  f[a + 1] = d.direction;
  f[a + 2] = d.strength;
  f[a + 3] = d.confidence;
  f[a + 4] = d.factor;
  f[a + 5] = d.target;
  f[a + 6] = d.latencyUs;
}
