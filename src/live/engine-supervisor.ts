import { EngineStateWriter, type AlertRecord, type EngineStatus, type MetricsPoint } from './engine-state.js';
import { engineStatus } from './engine-status.js';
import { autoRollback } from './auto-rollback.js';
import type { LiveEngine } from './live-engine.js';
import type { Evaluation } from './student-monitor.js';

const SIX_HOURS = 6 * 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const r6 = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);

/** Least wall-clock time between two rewrites of the status view (alerts, rollbacks and the end always write). */
const STATUS_MIN_WALL_MS = 100;

/**
 * What happens between bar times: the monitor's evaluation, alerts (JSONL + log), the automatic
 * rollback, and — at most once per `snapshotEveryMs` of bar time, and on every alert — a rolling-metric
 * point. The status snapshot (engine_status.json, what the dashboard and `engine status` read) is
 * refreshed at those moments too — queued, written off the tick path — but at most every 100 ms of wall
 * time unless a rollback happened. That throttle decides only how often the view is refreshed, never a
 * decision, an alert, a metric point or a telemetry line, which all follow bar time.
 */
export class EngineSupervisor {
  private readonly writer: EngineStateWriter | null;
  readonly alerts: AlertRecord[] = [];
  lastRollback: AlertRecord | null = null;
  rollbacks = 0;
  lastEvaluation: Evaluation | null = null;
  /** Replay progress shown in the status (bars done / total), set by the replay runner. */
  progress: { done: number; total: number } | null = null;
  private lastSnapshot = Number.NEGATIVE_INFINITY;
  private lastStatusWrite = Number.NEGATIVE_INFINITY;
  private rollbackFailedFor: string | null = null;
  /** Versions this session rolled back from (never restored automatically). */
  private readonly degraded = new Set<string>();
  state: 'running' | 'finished' = 'running';

  constructor(
    private readonly engine: LiveEngine,
    stateDir: string | null,
    private readonly actor: string,
    private readonly snapshotEveryMs = SIX_HOURS,
  ) {
    this.writer = stateDir === null ? null : new EngineStateWriter(stateDir);
  }

  startSession(): void {
    this.writer?.startSession();
    this.writer?.writeStatus(this.status());
  }

  /** The status snapshot of the engine now. */
  status(): EngineStatus {
    return engineStatus(this.engine, this);
  }

  /** Called once all bars of bar time `time` are decided. */
  endOfBarTime(time: number, final: boolean): void {
    const e = this.engine;
    const monitor = e.studentMonitor;
    let urgent = final;
    let point = false;
    if (monitor !== null) {
      const ev = monitor.evaluate(time);
      this.lastEvaluation = ev;
      const version = e.student?.version ?? null;
      if (ev.alert) {
        point = true;
        this.alert({
          type: 'student_model_degradation',
          time: iso(time),
          model_version: version,
          message: ev.breaches
            .map(
              (b) =>
                `${b.metric} ${b.rolling.toFixed(3)} vs validation ${b.validation.toFixed(3)} (drop ${b.drop.toFixed(3)} > ${b.threshold})`,
            )
            .join('; '),
          breaches: ev.breaches.map((b) => ({ ...b, rolling: r6(b.rolling), drop: r6(b.drop) })),
          degraded_since: iso(ev.degradedSince),
          window_hours: monitor.config.windowMs / 3_600_000,
        });
      }
      if (ev.rollback && version !== null && this.rollbackFailedFor !== version) {
        urgent = true;
        this.rollback(time, ev, version);
      }
    }
    if (urgent || point || time - this.lastSnapshot >= this.snapshotEveryMs) this.snapshot(time, urgent);
  }

  /** Marks the session finished and writes the final status once queued snapshots have landed. */
  async finishSession(): Promise<EngineStatus> {
    this.state = 'finished';
    const status = this.status();
    if (this.writer !== null) {
      this.writer.close();
      await this.writer.settle();
      this.writer.writeStatus(status);
    }
    return status;
  }

  private snapshot(time: number, urgent: boolean): void {
    this.lastSnapshot = time;
    if (this.writer === null) return;
    const ev = this.lastEvaluation;
    if (ev !== null) {
      const point: MetricsPoint = {
        time: iso(time),
        precision: r6(ev.precision),
        hit_ratio: r6(ev.hitRatio),
        precision_samples: ev.precisionSamples,
        hit_samples: ev.hitSamples,
        model_version: this.engine.student?.version ?? null,
      };
      this.writer.appendMetrics(point);
    }
    const wall = performance.now();
    if (urgent || wall - this.lastStatusWrite >= STATUS_MIN_WALL_MS) {
      this.lastStatusWrite = wall;
      this.writer.queueStatus(this.status());
    }
  }

  private alert(a: AlertRecord): void {
    this.alerts.push(a);
    if (this.alerts.length > 50) this.alerts.shift();
    this.writer?.appendAlert(a);
    const fields = { ...a, type: undefined, message: undefined };
    if (a.type === 'auto_rollback_failed') this.engine.log.error(`${a.type}: ${a.message}`, fields);
    else this.engine.log.warn(`${a.type}: ${a.message}`, fields);
  }

  private rollback(time: number, ev: Evaluation, version: string): void {
    const e = this.engine;
    const reason = `auto-rollback: student ${version} degraded since ${iso(ev.degradedSince)} (${ev.breaches
      .map((b) => `${b.metric} ${b.rolling.toFixed(3)} vs ${b.validation.toFixed(3)}`)
      .join(', ')})`;
    const r = autoRollback(e, reason, this.actor, this.degraded);
    if (r.ok) {
      this.degraded.add(version);
      this.rollbacks++;
      const rec: AlertRecord = {
        type: 'auto_rollback',
        time: iso(time),
        model_version: r.to,
        message: `rolled back ${r.from ?? 'none'} → ${r.to}; serving ${r.served ? r.to : 'the baseline strategy'}`,
        from: r.from,
        to: r.to,
        reason,
        actor: this.actor,
      };
      this.lastRollback = rec;
      this.alert(rec);
    } else {
      this.rollbackFailedFor = version;
      this.alert({
        type: 'auto_rollback_failed',
        time: iso(time),
        model_version: version,
        message: r.error,
        reason,
      });
    }
  }
}
