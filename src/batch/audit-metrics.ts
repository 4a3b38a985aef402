import type { WindowStage } from './batch-context.js';
import type { WindowRecord } from './ledger.js';
import type { RunState } from './run-state.js';
import { meanMetric, type StageCounts, stageCounts } from './stage-counts.js';
import type { StatTests } from './stat-tests.js';

const round = (x: number | null, d = 6): number | null =>
  x === null ? null : Math.round(x * 10 ** d) / 10 ** d;

/** Aggregates of one window phase for the audit bundle. */
export interface StageAudit extends StageCounts {
  means: Record<string, number | null>;
}

const MEANS: Record<WindowStage, string[]> = {
  teacher: ['accuracy', 'macro_auc', 'macro_f1', 'samples'],
  student: ['accuracy', 'macro_auc', 'ece', 'teacher_accuracy'],
  validation: ['sharpe', 'baseline_sharpe', 'precision_long', 'hit_ratio', 'trades'],
};

function stageAudit(stage: WindowStage, records: readonly WindowRecord[]): StageAudit {
  const means: Record<string, number | null> = {};
  for (const k of MEANS[stage]) means[k] = round(meanMetric(records, k));
  return { ...stageCounts(records), means };
}

/** metrics.json of the release audit: counts, means, stat tests and every non-success window. */
export interface AuditMetrics {
  run_id: string;
  config_hash: string;
  batch_dir: string;
  windows: number;
  symbols: string[];
  stages: Partial<Record<WindowStage, StageAudit>>;
  stat_tests: StatTests | null;
  not_trained: {
    stage: WindowStage;
    window_label: string;
    status: string;
    reason: string | null;
    message: string | null;
  }[];
}

/** Builds the audit metrics of a run from its ledgers (no wall-clock: reruns give the same bytes). */
export function auditMetrics(s: RunState): AuditMetrics {
  const stages: AuditMetrics['stages'] = {};
  const notTrained: AuditMetrics['not_trained'] = [];
  for (const stage of ['teacher', 'student', 'validation'] as const) {
    const rs = s.records[stage];
    if (!rs) continue;
    stages[stage] = stageAudit(stage, rs);
    for (const r of rs)
      if (r.status !== 'success')
        notTrained.push({
          stage,
          window_label: r.window_label,
          status: r.status,
          reason: r.reason,
          message: r.message,
        });
  }
  return {
    run_id: s.b.runId,
    config_hash: s.b.ctx.configHash,
    batch_dir: s.b.batchDir,
    windows: s.tasks.length,
    symbols: s.data?.symbols ?? [],
    stages,
    stat_tests: s.stats,
    not_trained: notTrained,
  };
}
