import { type AuditEntry, readAudit, readProductionVersion } from '../registry/index.js';
import { type PlotlyFigure, rollingMetricsFigure, type TimeMarker } from '../report/index.js';
import { type AlertRecord, type EngineStatus, readEngineState } from './engine-state.js';

/** What `engine status` prints and the dashboard shows: the reference's student model status panel. */
export interface EngineOverview {
  /** The engine's last snapshot (null before any session wrote one). */
  status: EngineStatus | null;
  /** Served model: from the engine's snapshot, else the registry's production version. */
  active: { version: string | null; source: string; enabled: boolean | null };
  rolling: {
    precision: number | null;
    hit_ratio: number | null;
    validation_precision: number | null;
    validation_hit_ratio: number | null;
    time: string | null;
  };
  /** Most recent last. */
  recentAlerts: AlertRecord[];
  alertsTotal: number;
  /** The registry's last rollback (manual or automatic), else the engine's. */
  lastRollback: (Pick<AuditEntry, 'when' | 'from' | 'to' | 'reason' | 'actor'> & { source: string }) | null;
  production: string | null;
  metricsPoints: number;
  figure: PlotlyFigure;
}

type Obj = Record<string, unknown>;
const get = (o: unknown, k: string): unknown => (o && typeof o === 'object' ? (o as Obj)[k] : undefined);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function production(root: string): string | null {
  try {
    return readProductionVersion(root);
  } catch {
    return null;
  }
}

/** Reads the engine state directory and the registry into one overview. Never throws for missing files. */
export function engineOverview(stateDir: string, registryRoot: string, recent = 10): EngineOverview {
  const { status, metrics, alerts } = readEngineState(stateDir);
  const prod = production(registryRoot);
  const student = get(status, 'student');
  const monitoring = get(status, 'monitoring');
  const validation = get(monitoring, 'validation');
  const rolling = get(monitoring, 'rolling');
  const version = strOrNull(get(student, 'version'));
  const audit = readAudit(registryRoot).entries.filter((e) => e.action === 'rollback');
  const last = audit.length > 0 ? audit[audit.length - 1] : null;
  const engineRollback = status?.last_rollback ?? null;
  const markers: TimeMarker[] = alerts.slice(-20).map((a) => ({
    time: a.time,
    label:
      a.type === 'auto_rollback'
        ? `rollback → ${a.model_version}`
        : a.type === 'student_model_degradation'
          ? 'alert'
          : 'rollback failed',
    kind: a.type === 'student_model_degradation' ? 'alert' : 'rollback',
  }));
  return {
    status,
    active: {
      version: status ? version : prod,
      source: status
        ? (strOrNull(get(student, 'source')) ?? 'baseline strategy (no student served)')
        : 'registry production (no engine session yet)',
      enabled: status ? Boolean(get(student, 'enabled')) : null,
    },
    rolling: {
      precision: numOrNull(get(rolling, 'precision')),
      hit_ratio: numOrNull(get(rolling, 'hit_ratio')),
      validation_precision: numOrNull(get(validation, 'precision')),
      validation_hit_ratio: numOrNull(get(validation, 'hit_ratio')),
      time: strOrNull(get(rolling, 'time')),
    },
    recentAlerts: alerts.slice(-recent),
    alertsTotal: alerts.length,
    lastRollback: last
      ? {
          when: last.when,
          from: last.from,
          to: last.to,
          reason: last.reason,
          actor: last.actor,
          source: 'registry audit log',
        }
      : engineRollback
        ? {
            when: engineRollback.time,
            from: strOrNull(engineRollback.from),
            to: strOrNull(engineRollback.to),
            reason: strOrNull(engineRollback.reason),
            actor: String(engineRollback.actor ?? ''),
            source: 'engine',
          }
        : null,
    production: prod,
    metricsPoints: metrics.length,
    figure: rollingMetricsFigure(
      metrics,
      validation
        ? {
            precision: numOrNull(get(validation, 'precision')),
            hit_ratio: numOrNull(get(validation, 'hit_ratio')),
          }
        : null,
      markers,
    ),
  };
}
