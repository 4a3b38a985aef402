import { closeSync, fstatSync, mkdirSync, openSync, write, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Where telemetry bytes go: a chunk writer (the caller reuses `bytes` once it returns) and a close that
 * resolves when everything written has landed (and rejects if a write failed).
 */
export interface ByteSink {
  write(bytes: Buffer, length: number): void;
  close(): void | Promise<void>;
}

/** Chunks a file sink keeps in flight before the writing thread pays for its writes itself. */
const MAX_IN_FLIGHT = 8;

/**
 * A sink replacing (or, without `truncate`, appending to) a file. Each chunk is copied (a memcpy) and
 * written at its own offset by libuv's thread pool, so the write(2) — milliseconds per MiB on a busy
 * disk — overlaps the engine's work instead of stalling the tick that filled the buffer; positional
 * writes keep the bytes in order however the pool finishes them. With MAX_IN_FLIGHT chunks pending
 * (the event loop has not turned to collect them) a chunk is written synchronously instead, so memory
 * stays bounded. A failed write is thrown by the next write or by close.
 */
export function fileSink(path: string, truncate = true): ByteSink {
  mkdirSync(dirname(path), { recursive: true });
  if (!truncate) closeSync(openSync(path, 'a')); // create it, keep what is there
  const fd = openSync(path, truncate ? 'w' : 'r+');
  let position = truncate ? 0 : fstatSync(fd).size;
  let inFlight = 0;
  let failure: Error | null = null;
  let drained: (() => void) | null = null;
  const spare: Buffer[] = [];

  const landed = (chunk: Buffer) => {
    spare.push(chunk);
    if (--inFlight === 0 && drained !== null) drained();
  };
  const send = (chunk: Buffer, off: number, length: number, at: number) => {
    write(fd, chunk, off, length, at, (err, n) => {
      if (err) {
        failure ??= err;
        landed(chunk);
      } else if (n < length) send(chunk, off + n, length - n, at + n);
      else landed(chunk);
    });
  };

  return {
    write(bytes, length) {
      if (failure !== null) throw failure;
      const at = position;
      position += length;
      if (inFlight >= MAX_IN_FLIGHT) {
        for (let off = 0; off < length; ) off += writeSync(fd, bytes, off, length - off, at + off);
        return;
      }
      let chunk = spare.pop();
      if (chunk === undefined || chunk.length < length) chunk = Buffer.allocUnsafe(bytes.length);
      bytes.copy(chunk, 0, 0, length);
      inFlight++;
      send(chunk, 0, length, at);
    },
    async close() {
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      closeSync(fd);
      if (failure !== null) throw failure;
    },
  };
}

/** A sink keeping the bytes in memory (tests, and the engine with no state directory). */
export function memorySink(): ByteSink & { text(): string } {
  const chunks: Buffer[] = [];
  return {
    write: (bytes, length) => {
      chunks.push(Buffer.from(bytes.subarray(0, length)));
    },
    close: () => {},
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
}

/**
 * A sink writing synchronously to a file descriptor it does not own: close does nothing, the opener
 * closes it (the telemetry thread's sink: that thread pays for the write(2) itself, so nothing is
 * gained by deferring it; the engine's thread opened the file and closes it — Node warns when a worker
 * closes a descriptor it did not open).
 */
export function fdSink(fd: number): ByteSink {
  return {
    write(bytes, length) {
      for (let off = 0; off < length; ) off += writeSync(fd, bytes, off, length - off);
    },
    close() {},
  };
}
