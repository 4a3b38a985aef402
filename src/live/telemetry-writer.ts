import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { CLASSES } from '../labels/index.js';
import { type Decision, PREDICTION_SOURCES } from './decision.js';
import { ascii, LineBuffer } from './line-buffer.js';

/** Keys of one telemetry line, in the order written (the reference's fields plus the decision context). */
export const TELEMETRY_FIELDS = [
  'time',
  'symbol',
  'strategy',
  'policy',
  'signal',
  'signal_strength',
  'student_model_version',
  'student_prediction',
  'student_confidence',
  'confidence_threshold',
  'prediction_source',
  'adjustment',
  'target',
  'latency_us',
] as const;

/** Where telemetry bytes go: a chunk writer and a close. */
export interface ByteSink {
  write(bytes: Buffer, length: number): void;
  close(): void;
}

/** A sink appending to (or, with `truncate`, replacing) a file; one write(2) per chunk. */
export function fileSink(path: string, truncate = true): ByteSink {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, truncate ? 'w' : 'a');
  return {
    write(bytes, length) {
      let off = 0;
      while (off < length) off += writeSync(fd, bytes, off, length - off);
    },
    close: () => closeSync(fd),
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

const key = (name: string, first = false) => ascii(`${first ? '{' : ','}"${name}":`);
const K = Object.fromEntries(TELEMETRY_FIELDS.map((f, i) => [f, key(f, i === 0)])) as Record<
  (typeof TELEMETRY_FIELDS)[number],
  Uint8Array
>;
const quoted = (s: string) => ascii(JSON.stringify(s));
const CLASS_BYTES = CLASSES.map(quoted);
const SOURCE_BYTES = PREDICTION_SOURCES.map(quoted);
/** Longest line the writer reserves room for (fields are bounded: symbols and versions ≤ 128 chars). */
const MAX_LINE = 1024;

/**
 * Writes one JSON line per decision into a large buffer flushed to the sink in chunks (default 1 MiB):
 * no allocation and no system call per tick. Symbol names, the strategy, the policy and the model version
 * are encoded once; numbers are written digit by digit (confidence to 6 places, latency to 3).
 */
export class TelemetryWriter {
  private readonly out: LineBuffer;
  private readonly symbols: Uint8Array[];
  private readonly strategy: Uint8Array;
  private readonly policy: Uint8Array;
  private version: Uint8Array | null = null;
  private threshold = Number.NaN;
  /** Lines written. */
  lines = 0;

  constructor(
    private readonly sink: ByteSink,
    symbols: readonly string[],
    strategy: string,
    policy: string,
    chunkBytes = 1 << 20,
  ) {
    this.out = new LineBuffer(Math.max(chunkBytes, 4 * MAX_LINE), (b, n) => sink.write(b, n));
    this.symbols = symbols.map((s) => quoted(s.slice(0, 128)));
    this.strategy = quoted(strategy);
    this.policy = quoted(policy);
  }

  /** The model version written from now on (null = no student). */
  setModel(version: string | null): void {
    this.version = version === null ? null : quoted(version.slice(0, 128));
  }

  /** The confidence threshold in force. */
  setThreshold(threshold: number): void {
    this.threshold = threshold;
  }

  /** Appends the line of one decision. */
  write(d: Decision): void {
    const o = this.out;
    o.reserve(MAX_LINE);
    o.bytes(K.time);
    o.isoTime(d.ts);
    o.bytes(K.symbol);
    o.bytes(this.symbols[d.symbol]);
    o.bytes(K.strategy);
    o.bytes(this.strategy);
    o.bytes(K.policy);
    o.bytes(this.policy);
    o.bytes(K.signal);
    o.int(d.direction);
    o.bytes(K.signal_strength);
    o.fixed(d.strength, 6);
    o.bytes(K.student_model_version);
    if (this.version === null) o.nil();
    else o.bytes(this.version);
    o.bytes(K.student_prediction);
    if (d.studentClass >= 0) o.bytes(CLASS_BYTES[d.studentClass]);
    else o.nil();
    o.bytes(K.student_confidence);
    o.fixed(d.confidence, 6);
    o.bytes(K.confidence_threshold);
    o.fixed(this.threshold, 6);
    o.bytes(K.prediction_source);
    o.bytes(SOURCE_BYTES[d.source]);
    o.bytes(K.adjustment);
    o.fixed(d.factor, 6);
    o.bytes(K.target);
    o.fixed(d.target, 6);
    o.bytes(K.latency_us);
    o.fixed(d.latencyUs, 3);
    o.byte(0x7d);
    o.byte(0x0a);
    this.lines++;
  }

  /** Pushes buffered lines to the sink (the engine does so at the end and before status snapshots). */
  flush(): void {
    this.out.flush();
  }

  /** Flushes and closes the sink. */
  close(): void {
    this.out.flush();
    this.sink.close();
  }
}
