import { join } from 'node:path';
import { BATCH_FILES, PATHS, roundDeep, writeJsonAtomic } from '../pipeline/index.js';
import type { WindowStage } from './batch-context.js';
import { ingestPhase } from './ingest-phase.js';
import { batchParams } from './load-batch-params.js';
import type { Phase } from './phases.js';
import { writePromotionBriefing } from './promotion-briefing.js';
import { writeReleaseAudit } from './release-audit.js';
import type { PhaseResult, RunState } from './run-state.js';
import { meanMetric, stageCounts } from './stage-counts.js';
import { statTests } from './stat-tests.js';
import { runWindowPhase } from './window-phase.js';
import { generateWindows } from './windows.js';

const ok = (message: string | null = null, metrics: PhaseResult['metrics'] = {}): PhaseResult => ({
  status: 'success',
  message,
  metrics,
});

function writeSummary(s: RunState): void {
  const counts: Record<string, unknown> = {};
  for (const [k, rs] of Object.entries(s.records)) counts[k] = stageCounts(rs ?? []);
  writeJsonAtomic(join(s.b.batchDir, BATCH_FILES.summary), {
    run_id: s.b.runId,
    config_hash: s.b.ctx.configHash,
    windows: s.tasks.length,
    ...counts,
  });
}

async function windows(
  s: RunState,
  stage: WindowStage,
  phase: Phase,
  from?: WindowStage,
): Promise<PhaseResult> {
  const ok = new Set(
    (from ? (s.records[from] ?? []) : []).filter((r) => r.status === 'success').map((r) => r.window_index),
  );
  const tasks = from ? s.tasks.filter((t) => ok.has(t.index)) : s.tasks;
  const records = await runWindowPhase(s.b, stage, phase, tasks, await s.executor(), s.tel);
  s.records[stage] = records;
  writeSummary(s);
  const c = stageCounts(records);
  return {
    status: c.total > 0 && c.failed === c.total ? 'failed' : 'success',
    message: `${c.success} success, ${c.skipped} skipped, ${c.failed} failed of ${c.total}`,
    metrics: { windows: c.total, success: c.success, skipped: c.skipped, failed: c.failed },
  };
}

/** What each phase does (run-batch.ts times them and wraps them in telemetry). */
export const PHASE_STEPS: Record<Phase, (s: RunState) => Promise<PhaseResult>> = {
  async data_ingestion(s) {
    const { params } = s.b.ctx;
    s.data = ingestPhase(s.b.ctx, s.b.batchDir, { skipFetch: s.o.skipFetch, rawDir: s.o.rawDir });
    const bp = batchParams(s.b.ctx);
    const spec = {
      symbols: s.data.symbols,
      startDate: params.data.start,
      endDate: params.data.end,
      windowDays: bp.window_days,
      stepDays: bp.step_days,
    };
    s.tasks = generateWindows(spec);
    writeJsonAtomic(join(s.b.batchDir, BATCH_FILES.spec), {
      run_id: s.b.runId,
      config_hash: s.b.ctx.configHash,
      ...spec,
      forecast_horizon: params.teacher.horizon,
      windows: s.tasks.length,
    });
    const metrics = { symbols: s.data.symbols.length, bars: s.data.bars, windows: s.tasks.length };
    if (s.o.skipFetch)
      return {
        status: 'skipped',
        message: `fetch skipped: bars read from ${s.o.rawDir ?? PATHS.raw}`,
        metrics,
      };
    return ok(`${s.data.symbols.length} symbols fetched`, metrics);
  },
  teacher_training: (s) => windows(s, 'teacher', 'teacher_training'),
  async student_training(s) {
    const r = await windows(s, 'student', 'student_training', 'teacher');
    const rs = s.records.student ?? [];
    const metrics = {
      ...r.metrics,
      mean_accuracy: meanMetric(rs, 'accuracy'),
      mean_macro_auc: meanMetric(rs, 'macro_auc'),
      mean_teacher_accuracy: meanMetric(rs, 'teacher_accuracy'),
    };
    s.tel.emit({
      event_type: 'student_batch_end',
      phase: 'student_training',
      status: r.status,
      metrics,
      message: r.message,
    });
    return { ...r, metrics };
  },
  async model_validation(s) {
    const r = await windows(s, 'validation', 'model_validation', 'student');
    const rs = s.records.validation ?? [];
    const metrics = {
      ...r.metrics,
      promote: rs.filter((x) => x.recommendation === 'PROMOTE').length,
      mean_sharpe: meanMetric(rs, 'sharpe'),
      mean_baseline_sharpe: meanMetric(rs, 'baseline_sharpe'),
    };
    s.tel.emit({
      event_type: 'validation_complete',
      phase: 'model_validation',
      status: r.status,
      metrics,
      message: r.message,
    });
    return { ...r, metrics };
  },
  async statistical_tests(s) {
    const maxP = s.b.ctx.params.validation.thresholds.max_p_value;
    s.stats = roundDeep(statTests(s.records.validation ?? [], s.records.student ?? [], maxP));
    writeJsonAtomic(join(s.b.batchDir, BATCH_FILES.statTests), s.stats);
    const st = s.stats;
    const metrics = {
      windows: st.windows,
      promote: st.promote,
      sign_test_p_value: st.sign_test_p_value,
      sharpe_uplift_mean: st.sharpe_uplift.mean,
    };
    const message = `sign test p = ${st.sign_test_p_value ?? 'n/a'} over ${st.windows} windows`;
    s.tel.emit({
      event_type: 'stat_test_complete',
      phase: 'statistical_tests',
      status: 'success',
      metrics,
      message,
    });
    return ok(message, metrics);
  },
  async release_audit(s) {
    s.bundleDir = writeReleaseAudit(s);
    return ok(`audit bundle ${s.bundleDir}`);
  },
  async promotion_briefing(s) {
    const dir = s.bundleDir ?? writeReleaseAudit(s);
    s.briefing = writePromotionBriefing(s, dir);
    return ok(`briefing: ${s.briefing}`);
  },
};
