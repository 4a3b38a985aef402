import { join } from 'node:path';
import {
  DataValidationError,
  formatIssue,
  type Issue,
  type Logger,
  logger as rootLogger,
} from '../core/index.js';
import { BAR } from '../features/index.js';
import { ENGINE_FILES } from '../pipeline/index.js';
import { type ActiveStudent, loadActiveStudent } from './active-student.js';
import {
  type Decision,
  emptyDecision,
  PREDICTION_SOURCES,
  SOURCE_BASELINE,
  SOURCE_STUDENT,
} from './decision.js';
import type { EngineConfig } from './engine-config.js';
import type { EngineStatus } from './engine-state.js';
import { EngineSupervisor } from './engine-supervisor.js';
import { OutcomeTracker } from './outcome-tracker.js';
import { adjustmentFactor, signalTarget, studentTarget } from './signal-adjustment.js';
import { StudentMonitor } from './student-monitor.js';
import { featureIndex, type SymbolState, symbolState } from './symbol-state.js';
import { type ByteSink, fileSink } from './byte-sink.js';
import { TelemetryThread } from './telemetry-thread.js';
import { type TelemetryOutput, TelemetryWriter } from './telemetry-writer.js';

/** Options of LiveEngine.start. */
export interface LiveEngineOptions {
  config: EngineConfig;
  /** The symbol universe; bars are passed with their index in it. */
  symbols: readonly string[];
  /** Telemetry, alerts, status and metric history go here; null = nothing on disk. */
  stateDir: string | null;
  /** Telemetry destination (default: stateDir/telemetry.jsonl; null = no telemetry). */
  telemetry?: ByteSink | null;
  /**
   * The default telemetry file is encoded and written by a second thread (default true); false = on the
   * engine's thread. The bytes are the same either way. A `telemetry` sink is always written in-thread.
   */
  telemetryThread?: boolean;
  log?: Logger;
  /** Who automatic rollbacks are recorded as in the registry audit log. */
  actor?: string;
  /** Status snapshot and metric point at most once per this much bar time (default 6 h). */
  snapshotEveryMs?: number;
}

/** A student in service: the loaded model plus its input mapping. */
interface Serving {
  student: ActiveStudent;
  index: Int32Array;
  /** The student reads the engine's feature row as it is (same names, same order): no gather. */
  identity: boolean;
}

/**
 * The live scoring engine. Per bar of a symbol (`onBar`, bars in time order): the incremental features,
 * the baseline strategy's signal, the student's prediction through the compiled scorer, the decision of
 * the policy, one telemetry line, the realised outcomes for monitoring. Between bar times the supervisor
 * evaluates the rolling metrics (alerts, auto-rollback, snapshots). Time is bar time throughout; the wall
 * clock is read only to measure latency. Nothing is allocated per bar but the clock (performance.now()
 * boxes its result in Node 20: two small numbers a tick, a few minor GCs a replay).
 */
export class LiveEngine {
  readonly config: EngineConfig;
  readonly symbols: readonly string[];
  readonly log: Logger;
  /** Ticks decided, per prediction source. */
  readonly bySource = new Float64Array(PREDICTION_SOURCES.length);
  private readonly states: SymbolState[];
  private readonly decision: Decision = emptyDecision();
  private readonly proba = new Float64Array(3);
  private serving: Serving | null = null;
  private fallback: Issue[] = [];
  private monitor: StudentMonitor | null = null;
  private tracker: OutcomeTracker | null = null;
  readonly telemetry: TelemetryOutput | null;
  readonly supervisor: EngineSupervisor;
  private clock = Number.NEGATIVE_INFINITY;

  private constructor(opts: LiveEngineOptions) {
    this.config = opts.config;
    this.symbols = opts.symbols;
    this.log = opts.log ?? rootLogger.child({ component: 'engine' });
    this.states = opts.symbols.map(() => symbolState(this.config));
    const file = opts.stateDir === null ? null : join(opts.stateDir, ENGINE_FILES.telemetry);
    if (opts.telemetry !== undefined) {
      this.telemetry = opts.telemetry === null ? null : new TelemetryWriter(opts.telemetry, opts.symbols);
    } else if (file === null) {
      this.telemetry = null;
    } else if (opts.telemetryThread ?? true) {
      this.telemetry = new TelemetryThread(file, opts.symbols);
    } else {
      this.telemetry = new TelemetryWriter(fileSink(file), opts.symbols);
    }
    this.telemetry?.setThreshold(this.config.threshold);
    this.supervisor = new EngineSupervisor(
      this,
      opts.stateDir,
      opts.actor ?? 'sensequant-engine',
      opts.snapshotEveryMs,
    );
  }

  /** Resolves the student (verified load, or a warning and the baseline strategy) and opens the session. */
  static start(opts: LiveEngineOptions): LiveEngine {
    const e = new LiveEngine(opts);
    const c = e.config;
    e.log.info('engine starting', {
      strategy: c.strategy,
      policy: c.policy,
      student_model_enabled: c.studentEnabled,
      confidence_threshold: c.threshold,
      threshold_source: c.thresholdSource,
      symbols: opts.symbols.length,
    });
    if (c.studentEnabled) {
      const load = loadActiveStudent({ ...c.model, fallbackLabels: c.fallbackLabels });
      if (load.ok) e.serve(load.student);
      else e.fallBack(load.issues);
    }
    // The telemetry thread has been starting meanwhile; the session begins once it runs.
    if (e.telemetry instanceof TelemetryThread) e.telemetry.ready();
    e.supervisor.startSession();
    return e;
  }

  /** The student being served, or null (baseline strategy). */
  get student(): ActiveStudent | null {
    return this.serving?.student ?? null;
  }

  /** Why the engine serves the baseline strategy although the student is enabled (empty otherwise). */
  get fallbackIssues(): readonly Issue[] {
    return this.fallback;
  }

  get studentMonitor(): StudentMonitor | null {
    return this.monitor;
  }

  /** The bar time of the latest decision. */
  get barTime(): number {
    return this.clock;
  }

  /**
   * Serves `student` from the next bar on: input mapping, telemetry version, a fresh monitoring record
   * (horizon and validation baseline of this model). Returns false, falling back, if it cannot be served.
   */
  serve(student: ActiveStudent): boolean {
    const index = featureIndex(student.bundle.scorer.featureNames, this.states[0]?.features.names ?? []);
    if (!(index instanceof Int32Array)) {
      this.fallBack([index]);
      return false;
    }
    const row = this.states[0]?.row.length ?? 0;
    const identity = index.length === row && index.every((k, j) => k === j);
    this.serving = { student, index, identity };
    this.fallback = [];
    for (const s of this.states) s.x = new Float64Array(index.length);
    this.telemetry?.setModel(student.version);
    const m = this.config.monitoring;
    if (m !== null) {
      const baseline = student.baseline ?? { precision: null, hitRatio: null, source: 'none' };
      this.monitor = new StudentMonitor(m, baseline);
      this.monitor.at(this.clock);
      this.tracker = new OutcomeTracker(
        this.states.length,
        student.horizon,
        student.minHoldingReturn,
        this.monitor,
      );
    }
    this.log.info('student model loaded', {
      model_version: student.version,
      source: student.source,
      dir: student.dir,
      horizon: student.horizon,
      labels_from: student.labelsFrom,
      validation_baseline: student.baseline,
    });
    for (const n of student.notes) this.log.warn(n, { model_version: student.version });
    return true;
  }

  /** Stops serving the student: the baseline strategy decides, with the reasons logged. */
  fallBack(issues: Issue[]): void {
    this.serving = null;
    this.monitor = null;
    this.tracker = null;
    this.fallback = issues;
    this.telemetry?.setModel(null);
    this.log.warn('student model unavailable: falling back to the baseline strategy', {
      issues: issues.map(formatIssue),
    });
  }

  /** Feeds a bar before the decision window (features and strategy warm up; nothing is decided). */
  warmBar(sym: number, bar: Float64Array): void {
    const s = this.states[sym];
    s.features.pushBar(bar, s.row);
    s.strategy.update(bar);
  }

  /** Decides at the close of `bar` (BAR_FIELDS order) of symbol `sym`. The returned object is reused. */
  onBar(sym: number, bar: Float64Array): Decision {
    const ts = bar[BAR.ts];
    if (ts !== this.clock) this.advance(ts);
    const t0 = performance.now();
    const s = this.states[sym];
    const warm = s.features.pushBar(bar, s.row);
    s.strategy.update(bar);
    const d = this.decision;
    d.symbol = sym;
    d.ts = ts;
    d.direction = s.strategy.direction;
    d.strength = s.strategy.strength;
    d.studentClass = -1;
    d.confidence = Number.NaN;
    d.factor = Number.NaN;
    const sv = this.serving;
    if (sv !== null && !warm) this.score(sv, s, d);
    const shadow = this.decide(d, sv !== null);
    d.latencyUs = (performance.now() - t0) * 1000;
    const tr = this.tracker;
    if (tr !== null) tr.onBar(sym, bar, shadow);
    this.telemetry?.write(d);
    this.bySource[d.source]++;
    return d;
  }

  /** Ends the session: evaluates the last bar time, closes telemetry, writes the final status. */
  async finish(): Promise<EngineStatus> {
    if (Number.isFinite(this.clock)) this.supervisor.endOfBarTime(this.clock, true);
    await this.telemetry?.close();
    return this.supervisor.finishSession();
  }

  private advance(ts: number): void {
    if (!(ts > this.clock)) {
      throw new DataValidationError('bars must arrive in time order across symbols', [
        {
          path: 'ts',
          value: ts,
          message: `bar time is before the engine's clock ${new Date(this.clock).toISOString()}`,
          fix: 'feed each bar time once, all symbols of a bar time before the next',
        },
      ]);
    }
    if (Number.isFinite(this.clock)) this.supervisor.endOfBarTime(this.clock, false);
    this.clock = ts;
    this.monitor?.at(ts);
  }

  /**
   * Sets the decision's target, source and factor by the policy, and returns the student-only target
   * (validation's decision, whose outcomes the monitor tracks), computed for every tick (a few compares).
   */
  private decide(d: Decision, serving: boolean): number {
    const c = this.config;
    if (!serving || c.policy === 'baseline') {
      d.target = signalTarget(d.direction, d.strength);
      d.source = SOURCE_BASELINE;
    } else if (c.policy === 'student') {
      d.target = studentTarget(d.studentClass, d.confidence, c.threshold, c.allowShort);
      d.source = SOURCE_STUDENT;
    } else if (d.studentClass >= 0) {
      d.factor = adjustmentFactor(d.direction, d.studentClass, d.confidence, c.threshold);
      d.target = signalTarget(d.direction, d.strength * d.factor);
      d.source = SOURCE_STUDENT;
    } else {
      d.target = signalTarget(d.direction, d.strength);
      d.source = SOURCE_BASELINE;
    }
    return studentTarget(d.studentClass, d.confidence, c.threshold, c.allowShort);
  }

  private score(sv: Serving, s: SymbolState, d: Decision): void {
    const p = this.proba;
    if (sv.identity) {
      sv.student.bundle.scorer.scoreInto(s.row, p);
    } else {
      const { x, row } = s;
      const idx = sv.index;
      for (let j = 0; j < idx.length; j++) x[j] = row[idx[j]];
      sv.student.bundle.scorer.scoreInto(x, p);
    }
    // argmax as validation's scorerPolicy takes it (first maximum wins)
    let best = 0;
    for (let k = 1; k < 3; k++) if (p[k] > p[best]) best = k;
    if (Number.isFinite(p[best])) {
      d.studentClass = best;
      d.confidence = p[best];
    }
  }
}
