import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { CLASSES } from '../labels/index.js';
import { type Decision, PREDICTION_SOURCES } from './decision.js';
import { ascii, LineBuffer } from './line-buffer.js';

/**
 * Keys of one telemetry line, in the order written: the reference's fields plus the decision context.
 * Session constants (strategy, policy, symbols) are in engine_status.json and the start-up log, not
 * repeated on every line.
 */
export const TELEMETRY_FIELDS = [
  'time',
  'symbol',
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

const quoted = (s: string) => JSON.stringify(s);
const CLASS_BYTES = CLASSES.map((c) => ascii(quoted(c)));
/** `"<source>","adjustment":` per prediction source. */
const SOURCE_ADJ = PREDICTION_SOURCES.map((s) => ascii(`${quoted(s)},"adjustment":`));
const HEAD = ascii('{"time":');
const STRENGTH = ascii(',"signal_strength":');
const CONFIDENCE = ascii(',"student_confidence":');
const TARGET = ascii(',"target":');
const LATENCY = ascii(',"latency_us":');
/** Longest line the writer reserves room for (fields are bounded: symbols and versions ≤ 128 chars). */
const MAX_LINE = 1024;

/**
 * Writes one JSON line per decision into a large buffer flushed to the sink in chunks (default 1 MiB):
 * no allocation and no system call per tick. Everything constant between numbers — keys, the symbol, the
 * model version, the threshold — is pre-encoded into a few byte runs (the version and threshold runs are
 * re-encoded when they change); numbers are written digit by digit (strength, confidence, adjustment and
 * target to 4 places, latency to 0.01 µs) and the ISO time is rendered once per bar time.
 */
export class TelemetryWriter {
  private readonly out: LineBuffer;
  /** `,"symbol":…,"signal":` per symbol. */
  private readonly symbolRuns: Uint8Array[];
  /** `,"student_model_version":…,"student_prediction":` */
  private versionRun = ascii('');
  /** `,"confidence_threshold":…,"prediction_source":` */
  private thresholdRun = ascii('');
  /** Lines written. */
  lines = 0;
  /** The decision's numbers, staged unboxed: ts, direction, strength, confidence, factor, target, latency. */
  private readonly v = new Float64Array(7);

  constructor(
    private readonly sink: ByteSink,
    symbols: readonly string[],
    chunkBytes = 1 << 20,
  ) {
    this.out = new LineBuffer(Math.max(chunkBytes, 4 * MAX_LINE), (b, n) => sink.write(b, n));
    this.symbolRuns = symbols.map((s) => ascii(`,"symbol":${quoted(s.slice(0, 128))},"signal":`));
    this.setModel(null);
    this.setThreshold(Number.NaN);
  }

  /** The model version written from now on (null = no student). */
  setModel(version: string | null): void {
    const v = version === null ? 'null' : quoted(version.slice(0, 128));
    this.versionRun = ascii(`,"student_model_version":${v},"student_prediction":`);
  }

  /** The confidence threshold in force. */
  setThreshold(threshold: number): void {
    const t = Number.isFinite(threshold) ? String(threshold) : 'null';
    this.thresholdRun = ascii(`,"confidence_threshold":${t},"prediction_source":`);
  }

  /** Appends the line of one decision (fields in TELEMETRY_FIELDS order). */
  write(d: Decision): void {
    const o = this.out;
    const v = this.v;
    v[0] = d.ts;
    v[1] = d.direction;
    v[2] = d.strength;
    v[3] = d.confidence;
    v[4] = d.factor;
    v[5] = d.target;
    v[6] = d.latencyUs;
    o.reserve(MAX_LINE);
    o.bytes(HEAD);
    o.isoTimeAt(v, 0);
    o.bytes(this.symbolRuns[d.symbol]);
    o.intAt(v, 1);
    o.bytes(STRENGTH);
    o.fixedAt(v, 2, 4);
    o.bytes(this.versionRun);
    if (d.studentClass >= 0) o.bytes(CLASS_BYTES[d.studentClass]);
    else o.nil();
    o.bytes(CONFIDENCE);
    o.fixedAt(v, 3, 4);
    o.bytes(this.thresholdRun);
    o.bytes(SOURCE_ADJ[d.source]);
    o.fixedAt(v, 4, 4);
    o.bytes(TARGET);
    o.fixedAt(v, 5, 4);
    o.bytes(LATENCY);
    o.fixedAt(v, 6, 2);
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
