import { CLASSES } from '../labels/index.js';
import type { ByteSink } from './byte-sink.js';
import { type Decision, PREDICTION_SOURCES } from './decision.js';
import { ascii, utf8, writeIsoTime } from './json-bytes.js';
import { LineBuffer } from './line-buffer.js';

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

const quoted = (s: string) => JSON.stringify(s);
const HEAD = ascii('{"time":');
const STRENGTH = ascii(',"signal_strength":');
/** The usual signals, −1, 0 and +1, are written with their symbol's run (index 3·symbol + signal + 1). */
const SIGNALS = [-1, 0, 1];
const NULL = ascii('null');
const TARGET = ascii(',"target":');
const LATENCY = ascii(',"latency_us":');
/**
 * Room for a line's numbers, time and short keys; the runs holding a symbol or a version (≤ 128 chars,
 * up to 6 bytes each once JSON-escaped and UTF-8 encoded) are added per writer.
 */
const LINE_SLACK = 512;

/**
 * Where the engine's telemetry goes: a TelemetryWriter on the engine's thread, or a TelemetryThread
 * running the same writer on a second thread.
 */
export interface TelemetryOutput {
  /** Lines written. */
  readonly lines: number;
  write(d: Decision): void;
  setModel(version: string | null): void;
  setThreshold(threshold: number): void;
  flush(): void;
  close(): Promise<void>;
}

/**
 * Writes one JSON line per decision into a large buffer flushed to the sink in chunks (default 1 MiB):
 * no allocation and no system call per tick. Everything constant between two numbers is one pre-encoded
 * byte run, copied whole: `{"time":…` per bar time, `,"symbol":…,"signal":` per symbol, the signal with
 * the next key, the model version + prediction + next key per class, the threshold + source + next key
 * per source (re-encoded when the model or threshold changes). Numbers are written digit by digit
 * (strength, confidence, adjustment and target to 4 places, latency to 0.01 µs).
 */
export class TelemetryWriter implements TelemetryOutput {
  private readonly out: LineBuffer;
  /** `,"symbol":…,"signal":` per symbol. */
  private readonly symbolRuns: Uint8Array[];
  /** `,"symbol":…,"signal":<signal>,"signal_strength":` per symbol and signal −1, 0, +1 (SIGNALS). */
  private readonly signalRuns: Uint8Array[];
  /** `{"time":"…"` of the bar time `headTs`: rendered into headBuffer, `head` views its bytes. */
  private readonly headBuffer = new Uint8Array(HEAD.length + 40);
  private head = HEAD;
  private headTs = Number.NaN;
  /**
   * `,"student_model_version":…,"student_prediction":…,"student_confidence":` per prediction: index 0
   * none (null), 1 + k class k.
   */
  private predictionRuns: Uint8Array[] = [];
  /** `,"confidence_threshold":…,"prediction_source":…,"adjustment":` per prediction source. */
  private sourceRuns: Uint8Array[] = [];
  /** Bytes a line can take at most (reserved before each). */
  private maxLine = LINE_SLACK;
  private readonly symbolMax: number;
  /** Lines written. */
  lines = 0;
  /** The decision's numbers, staged unboxed: ts, direction, strength, confidence, factor, target, latency. */
  private readonly v = new Float64Array(7);

  constructor(
    private readonly sink: ByteSink,
    symbols: readonly string[],
    chunkBytes = 1 << 20,
  ) {
    this.symbolRuns = symbols.map((s) => utf8(`,"symbol":${quoted(s.slice(0, 128))},"signal":`));
    this.signalRuns = this.symbolRuns.flatMap((r) =>
      SIGNALS.map((x) => Uint8Array.from([...r, ...ascii(`${x}`), ...STRENGTH])),
    );
    const longest = Math.max(0, ...this.signalRuns.map((r) => r.length));
    // Two 128-char versions' worth of runs fit beside the longest symbol whatever setModel gets later.
    this.out = new LineBuffer(Math.max(chunkBytes, 4 * (LINE_SLACK + longest + 2 * 800)), (b, n) =>
      sink.write(b, n),
    );
    this.symbolMax = longest;
    this.headBuffer.set(HEAD);
    this.setModel(null);
    this.setThreshold(Number.NaN);
  }

  /** The model version written from now on (null = no student). */
  setModel(version: string | null): void {
    const v = version === null ? 'null' : quoted(version.slice(0, 128));
    this.predictionRuns = ['null', ...CLASSES.map(quoted)].map((c) =>
      utf8(`,"student_model_version":${v},"student_prediction":${c},"student_confidence":`),
    );
    this.resize();
  }

  /** The confidence threshold in force. */
  setThreshold(threshold: number): void {
    const t = Number.isFinite(threshold) ? String(threshold) : 'null';
    this.sourceRuns = PREDICTION_SOURCES.map((s) =>
      ascii(`,"confidence_threshold":${t},"prediction_source":${quoted(s)},"adjustment":`),
    );
    this.resize();
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
    if (!(v[0] === this.headTs)) this.renderHead();
    o.reserve(this.maxLine);
    o.bytes(this.head);
    const signal = d.direction;
    if (signal === 1 || signal === 0 || signal === -1) {
      o.bytes(this.signalRuns[3 * d.symbol + signal + 1]);
    } else {
      o.bytes(this.symbolRuns[d.symbol]);
      o.intAt(v, 1);
      o.bytes(STRENGTH);
    }
    o.fixedAt(v, 2, 4);
    o.bytes(this.predictionRuns[d.studentClass >= 0 ? d.studentClass + 1 : 0]);
    o.fixedAt(v, 3, 4);
    o.bytes(this.sourceRuns[d.source]);
    o.fixedAt(v, 4, 4);
    o.bytes(TARGET);
    o.fixedAt(v, 5, 4);
    o.bytes(LATENCY);
    o.fixedAt(v, 6, 2);
    o.byte(0x7d);
    o.byte(0x0a);
    this.lines++;
  }
  private resize(): void {
    const longest = (runs: Uint8Array[]) => Math.max(0, ...runs.map((r) => r.length));
    this.maxLine = LINE_SLACK + this.symbolMax + longest(this.predictionRuns) + longest(this.sourceRuns);
  }

  /** `{"time":` and the bar time v[0] (or null), rendered once per bar time (one view allocated). */
  private renderHead(): void {
    const v = this.v;
    const b = this.headBuffer;
    this.headTs = v[0];
    let end = HEAD.length + NULL.length;
    if (Number.isFinite(v[0])) end = writeIsoTime(b, HEAD.length, v, 0);
    else b.set(NULL, HEAD.length);
    this.head = b.subarray(0, end);
  }

  /** Pushes buffered lines to the sink (the engine does so at the end and before status snapshots). */
  flush(): void {
    this.out.flush();
  }

  /** Flushes (now) and closes the sink; resolves once the bytes have landed. */
  async close(): Promise<void> {
    this.out.flush();
    await this.sink.close();
  }
}
