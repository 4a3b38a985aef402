import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Decision } from './decision.js';
import {
  CTRL,
  createRing,
  F64_SLOTS,
  I32_SLOTS,
  KIND,
  type RingMemory,
  writeRecord,
} from './telemetry-ring.js';
import type { TelemetryOutput } from './telemetry-writer.js';
import type { TelemetryWorkerData } from './telemetry-worker.js';
import { reviveError, telemetryWorkerEntry, threadFailed } from './telemetry-worker-entry.js';

/** Lines written between two publications of the ring's HEAD (and checks for a failure). */
const BATCH = 256;
/** Slept at most per wait before the thread's state is checked again. */
const SLICE_MS = 50;
/** A thread that neither starts nor makes progress for this long is broken: fail rather than hang. */
const STALL_MS = 60_000;

/**
 * Telemetry written by a second thread: the engine copies each decision's numbers into a shared ring
 * (typed arrays, ~20 ns a tick) and the thread encodes the JSON lines with the same TelemetryWriter and
 * writes the file, so the engine's thread no longer pays for the encoding or the copies and writes.
 * Lines are in decision order; model and threshold changes travel in the ring between the lines they
 * separate. When the ring is full the engine waits for room (back-pressure). `flush` returns once
 * everything written before it is in the file; `close` once the thread has written everything and
 * ended and the file is closed (this thread opens and closes it; the thread only writes). A write failure
 * (or the thread failing) is thrown by the next `write` that publishes, by `flush` and by `close`.
 */
export class TelemetryThread implements TelemetryOutput {
  lines = 0;
  private readonly ring: RingMemory;
  private readonly fd: number;
  private readonly mask: number;
  /** Records waiting that make publish wake a sleeping thread. */
  private readonly wakeAt: number;
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly exited: Promise<void>;
  /** Records written (int32, wrapping). */
  private w = 0;
  /** Slots known free without reloading TAIL. */
  private free: number;
  private flushes = 0;
  private failure: Error | null = null;
  private closing: Promise<void> | null = null;
  /** The thread has exited (seen once the event loop turned). */
  private gone = false;

  constructor(
    path: string,
    symbols: readonly string[],
    opts: { capacity?: number; chunkBytes?: number } = {},
  ) {
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(path, 'w');
    this.fd = fd;
    this.ring = createRing(opts.capacity ?? 1 << 16);
    this.mask = this.ring.capacity - 1;
    this.wakeAt = Math.max(1, this.ring.capacity >> 2);
    this.free = this.ring.capacity;
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const entry = telemetryWorkerEntry();
    const workerData: TelemetryWorkerData = {
      fd,
      symbols: [...symbols],
      chunkBytes: opts.chunkBytes ?? 1 << 20,
      ring: this.ring,
      port: port2,
    };
    try {
      this.worker = new Worker(entry, { workerData, transferList: [port2] });
    } catch (e) {
      closeSync(fd);
      throw e;
    }
    // Neither keeps the process alive while the engine runs; close() holds it until the file is closed.
    this.worker.unref();
    this.port.unref();
    this.worker.on('error', (e) => {
      this.failure ??= e;
    });
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', () => {
        this.gone = true;
        resolve();
      }),
    );
  }

  /**
   * Waits until the thread runs (its modules loaded: ~0.2 s), so that a session's first lines are not
   * held up by it; throws if it cannot start.
   */
  ready(): void {
    this.waitFor(() => Atomics.load(this.ring.ctrl, CTRL.ready) === 1, 'the telemetry thread to start');
    this.check();
  }

  /** Queues the line of one decision (fields in TELEMETRY_FIELDS order). */
  write(d: Decision): void {
    if (this.free === 0) this.makeRoom();
    writeRecord(this.ring, this.w & this.mask, d);
    this.w = (this.w + 1) | 0;
    this.free--;
    this.lines++;
    if ((this.w & (BATCH - 1)) === 0) this.publish();
  }

  setModel(version: string | null): void {
    this.port.postMessage({ version });
    this.command(KIND.model, Number.NaN, 0);
  }

  setThreshold(threshold: number): void {
    this.command(KIND.threshold, threshold, 0);
  }

  /** Returns once every line written so far is in the file (throws a write failure). */
  flush(): void {
    const seq = ++this.flushes;
    this.command(KIND.flush, Number.NaN, seq);
    this.publish(true, true);
    this.waitFor(() => Atomics.load(this.ring.ctrl, CTRL.flushed) === seq, 'flush');
    this.check();
  }

  /** Writes what is queued, closes the file and ends the thread; rejects with a write failure. */
  close(): Promise<void> {
    this.closing ??= this.shut();
    return this.closing;
  }

  private async shut(): Promise<void> {
    this.worker.ref();
    let closeError: unknown = null;
    try {
      if (Atomics.load(this.ring.ctrl, CTRL.stopped) === 0) {
        // After a failure the thread still empties the ring, so there is room for the close command.
        this.command(KIND.close, Number.NaN, 0, false);
        this.publish(false, true);
      }
      await this.exited;
    } finally {
      this.worker.unref();
      // The file is this thread's to close (the thread only writes it), whatever happened.
      try {
        closeSync(this.fd);
      } catch (e) {
        closeError = e;
      }
    }
    this.check();
    // A thread that died before the close command left lines unwritten.
    if (Atomics.load(this.ring.ctrl, CTRL.tail) !== this.w) {
      this.failure = threadFailed('the telemetry thread exited before writing every line');
      throw this.failure;
    }
    if (closeError !== null) throw closeError;
  }

  /** Appends a command record (its number in f64 slot 0, its sequence in int slot 1). */
  private command(kind: number, x: number, seq: number, check = true): void {
    if (this.free === 0) this.makeRoom(check);
    const slot = this.w & this.mask;
    const r = this.ring;
    r.i32[slot * I32_SLOTS] = kind;
    r.i32[slot * I32_SLOTS + 1] = seq;
    r.f64[slot * F64_SLOTS] = x;
    this.w = (this.w + 1) | 0;
    this.free--;
  }

  /**
   * Makes the records written visible to the thread; throws a failure. A sleeping thread is woken only
   * once a quarter of the ring waits (or `wake`: a flush, close or full ring waits for it): a wake-up
   * is a system call that often hands the core to the woken thread, too dear every few hundred lines,
   * while the thread encodes a backlog in one go faster than the engine fills it.
   */
  private publish(check = true, wake = false): void {
    const ctrl = this.ring.ctrl;
    const w = this.w;
    Atomics.store(ctrl, CTRL.head, w);
    // The flag is taken back (1 → 0) by whoever wakes the thread, so a thread that has not run yet
    // since its wake-up is not woken again by every later publication.
    if (
      Atomics.load(ctrl, CTRL.readerWaits) === 1 &&
      (wake || ((w - Atomics.load(ctrl, CTRL.tail)) | 0) >= this.wakeAt) &&
      Atomics.compareExchange(ctrl, CTRL.readerWaits, 1, 0) === 1
    ) {
      Atomics.notify(ctrl, CTRL.head);
    }
    if (check) this.check();
  }

  /** Waits (publishing first) until the thread has freed a slot. */
  private makeRoom(check = true): void {
    this.publish(check, true);
    const ctrl = this.ring.ctrl;
    const room = () => this.ring.capacity - ((this.w - Atomics.load(ctrl, CTRL.tail)) | 0);
    this.waitFor(() => room() > 0, 'room in the telemetry ring', check);
    if (check || room() <= 0) this.check();
    this.free = room();
  }

  /**
   * Sleeps on TAIL (which the thread moves as it consumes, and after a flush or a failure) until `done`,
   * a failure (unless `stopOnFailure` is false: the thread still empties the ring after one), the
   * thread's stop, or STALL_MS without progress.
   */
  private waitFor(done: () => boolean, what: string, stopOnFailure = true): void {
    const ctrl = this.ring.ctrl;
    let last = Atomics.load(ctrl, CTRL.tail);
    let since = performance.now();
    while (!done()) {
      if (stopOnFailure && (Atomics.load(ctrl, CTRL.failed) === 1 || this.failure !== null)) return;
      if (Atomics.load(ctrl, CTRL.stopped) === 1 || this.gone) {
        this.failure = threadFailed(`the telemetry thread stopped while the engine waited for ${what}`);
        return;
      }
      Atomics.store(ctrl, CTRL.writerWaits, 1);
      Atomics.wait(ctrl, CTRL.tail, last, SLICE_MS);
      Atomics.store(ctrl, CTRL.writerWaits, 0);
      const tail = Atomics.load(ctrl, CTRL.tail);
      const now = performance.now();
      if (tail !== last) {
        last = tail;
        since = now;
      } else if (now - since > STALL_MS) {
        const started = Atomics.load(ctrl, CTRL.ready) === 1;
        this.failure = threadFailed(
          started
            ? `the telemetry thread made no progress for ${STALL_MS / 1000} s`
            : `the telemetry thread did not start within ${STALL_MS / 1000} s`,
        );
        return;
      }
    }
  }

  /** Throws the first failure: the thread's (from the port), or its death. */
  private check(): void {
    if (this.failure === null && Atomics.load(this.ring.ctrl, CTRL.failed) === 1) {
      const m = receiveMessageOnPort(this.port);
      const e = (m?.message as { error?: Record<string, unknown> } | undefined)?.error;
      this.failure = e !== undefined ? reviveError(e) : threadFailed('the telemetry thread failed');
    }
    if (this.failure === null && this.gone && this.closing === null) {
      this.failure = threadFailed('the telemetry thread exited before the session closed');
    }
    if (this.failure !== null) throw this.failure;
  }
}
