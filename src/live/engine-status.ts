import { CLASSES } from '../labels/index.js';
import type { EngineStatus } from './engine-state.js';
import type { EngineSupervisor } from './engine-supervisor.js';
import type { LiveEngine } from './live-engine.js';
import { PREDICTION_SOURCES } from './decision.js';
import { formatIssue } from '../core/index.js';

const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : null);
const r6 = (x: number | null | undefined) =>
  x === null || x === undefined ? null : Math.round(x * 1e6) / 1e6;
const ratio = (a: number, b: number) => (b > 0 ? r6(a / b) : null);

/** The status snapshot (engine_status.json): the reference's student model status panel, as data. */
export function engineStatus(e: LiveEngine, sup: EngineSupervisor): EngineStatus {
  const c = e.config;
  const st = e.student;
  const m = e.studentMonitor;
  const ev = sup.lastEvaluation;
  const cum = m?.cumulative;
  return {
    updated: iso(e.barTime),
    session: {
      state: sup.state,
      strategy: c.strategy,
      policy: st === null ? 'baseline' : c.policy,
      requested_policy: c.policy,
      symbols: e.symbols.length,
      decisions: Object.fromEntries(PREDICTION_SOURCES.map((s, i) => [s, e.bySource[i]])),
      telemetry_lines: e.telemetry?.lines ?? 0,
      progress: sup.progress,
    },
    student: {
      enabled: c.studentEnabled,
      active: st !== null,
      version: st?.version ?? null,
      source: st?.source ?? null,
      dir: st?.dir ?? null,
      model_sha256: st?.bundle.modelSha256 ?? null,
      classes: CLASSES,
      confidence_threshold: c.threshold,
      threshold_source: c.thresholdSource,
      horizon: st?.horizon ?? null,
      fallback: e.fallbackIssues.map(formatIssue),
    },
    monitoring: {
      enabled: c.monitoring !== null && m !== null,
      window_hours: c.monitoring ? c.monitoring.windowMs / 3_600_000 : null,
      min_samples: c.monitoring?.minSamples ?? null,
      precision_drop_threshold: c.monitoring?.precisionDropThreshold ?? null,
      hit_ratio_drop_threshold: c.monitoring?.hitRatioDropThreshold ?? null,
      alert_cooldown_hours: c.monitoring ? c.monitoring.cooldownMs / 3_600_000 : null,
      auto_rollback: c.monitoring?.autoRollback ?? false,
      confirmation_hours: c.monitoring ? c.monitoring.confirmationMs / 3_600_000 : null,
      validation: m
        ? { precision: m.baseline.precision, hit_ratio: m.baseline.hitRatio, source: m.baseline.source }
        : null,
      rolling: ev
        ? {
            time: iso(ev.time),
            precision: r6(ev.precision),
            hit_ratio: r6(ev.hitRatio),
            precision_samples: ev.precisionSamples,
            hit_samples: ev.hitSamples,
            degraded_since: iso(ev.degradedSince),
          }
        : null,
      since_loaded: cum
        ? {
            precision: ratio(cum[1], cum[0]),
            long_decisions: cum[0],
            hit_ratio: ratio(cum[3], cum[2]),
            bars_in_market: cum[2],
            accuracy: ratio(cum[5], cum[4]),
            labelled: cum[4],
          }
        : null,
    },
    alerts: sup.alerts.slice(-10),
    alerts_total: sup.alerts.length,
    rollbacks: sup.rollbacks,
    last_rollback: sup.lastRollback,
  };
}
