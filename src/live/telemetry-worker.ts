// Entry of the telemetry thread (started by TelemetryThread; not part of the barrel: importing it runs
// it). It replays the shared ring's records into a TelemetryWriter writing the file descriptor the
// engine opened, sleeping on the ring's HEAD while there is nothing to write.
import { type MessagePort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { RingMemory } from './telemetry-ring.js';

/** What TelemetryThread passes to the thread. */
export interface TelemetryWorkerData {
  fd: number;
  symbols: string[];
  chunkBytes: number;
  ring: RingMemory;
  port: MessagePort;
}

/** Sleep between polls of the ring while lines arrive (the 64K-line ring holds ~60 ms of them). */
const POLL_MIN_MS = 1;
/** Longest sleep when idle (doubling from POLL_MIN_MS). */
const POLL_MAX_MS = 64;

/** What a failure looks like on the port: the error's own fields (an Error does not survive cloning whole). */
function describe(e: unknown): Record<string, unknown> {
  if (!(e instanceof Error)) return { message: String(e) };
  const x = e as NodeJS.ErrnoException;
  return { message: x.message, name: x.name, code: x.code, errno: x.errno, syscall: x.syscall, path: x.path };
}

async function main(data: TelemetryWorkerData): Promise<void> {
  const { ring, port } = data;
  const ctrl = ring.ctrl;
  // Loaded here, not statically, so that a module failing to load is reported like any failure.
  const { CTRL } = await import('./telemetry-ring.js');
  const failed = (e: unknown) => {
    port.postMessage({ type: 'failure', error: describe(e) });
    Atomics.store(ctrl, CTRL.failed, 1);
    Atomics.notify(ctrl, CTRL.tail);
  };
  try {
    const { fdSink } = await import('./byte-sink.js');
    const { TelemetryWriter } = await import('./telemetry-writer.js');
    const { RingReader } = await import('./ring-reader.js');
    const sink = fdSink(data.fd);
    const writer = new TelemetryWriter(sink, data.symbols, data.chunkBytes);
    const nextModel = (): string | null => {
      for (;;) {
        const m = receiveMessageOnPort(port);
        if (m !== undefined) return (m.message as { version: string | null }).version;
        // posted before its command was published: only a moment away
        Atomics.wait(ctrl, CTRL.ready, 1, 1);
      }
    };
    const reader = new RingReader(ring, writer, sink, nextModel, failed);
    Atomics.store(ctrl, CTRL.ready, 1);
    Atomics.notify(ctrl, CTRL.tail);
    // Polls on a timer rather than waiting to be woken: a futex wake from the engine's thread makes the
    // scheduler pull this thread onto the engine's core (wake-affine) until it is balanced away again,
    // milliseconds of the two sharing one core per wake-up. Busy: every POLL_MIN_MS; idle: backing off
    // to POLL_MAX_MS. The engine still wakes it when it must wait (flush, close, a full ring) or when a
    // quarter of the ring is waiting (a burst during a long idle sleep).
    let sleep = POLL_MIN_MS;
    while (reader.drain()) {
      const seen = reader.position;
      if (Atomics.load(ctrl, CTRL.head) !== seen) continue;
      Atomics.store(ctrl, CTRL.readerWaits, 1);
      Atomics.wait(ctrl, CTRL.head, seen, sleep);
      Atomics.store(ctrl, CTRL.readerWaits, 0);
      sleep = Atomics.load(ctrl, CTRL.head) !== seen ? POLL_MIN_MS : Math.min(2 * sleep, POLL_MAX_MS);
    }
  } catch (e) {
    failed(e);
  } finally {
    Atomics.store(ctrl, CTRL.stopped, 1);
    Atomics.notify(ctrl, CTRL.tail);
    port.close();
  }
}

await main(workerData as TelemetryWorkerData);
