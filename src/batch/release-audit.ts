import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  BATCH_FILES,
  ensureDir,
  prepareOutputDir,
  READ_LIMITS,
  readTextBounded,
  RELEASE_FILES,
  roundDeep,
  stableStringify,
  writeFileAtomic,
  writeJsonAtomic,
} from '../pipeline/index.js';
import { auditMetrics } from './audit-metrics.js';
import { auditSummaryMarkdown } from './audit-summary.js';
import type { RunState } from './run-state.js';
import { readTelemetry, trainingProgress } from './telemetry-reader.js';

/** The bundle directory of a run. */
export const bundleDir = (releaseDir: string, runId: string): string =>
  join(releaseDir, RELEASE_FILES.bundle(runId));

function plots(s: RunState): Record<string, unknown> {
  const student = new Map((s.records.student ?? []).map((r) => [r.window_index, r]));
  const accuracy = (s.records.teacher ?? [])
    .filter((r) => r.status === 'success')
    .map((r) => ({
      window_label: r.window_label,
      symbol: r.symbol,
      start_date: r.start_date,
      teacher_accuracy: r.metrics?.accuracy ?? null,
      student_accuracy: student.get(r.window_index)?.metrics?.accuracy ?? null,
    }));
  const uplift = (s.records.validation ?? [])
    .filter((r) => r.status === 'success')
    .map((r) => ({
      window_label: r.window_label,
      symbol: r.symbol,
      sharpe: r.metrics?.sharpe ?? null,
      baseline_sharpe: r.metrics?.baseline_sharpe ?? null,
    }));
  const counts = (['teacher', 'student', 'validation'] as const).flatMap((stage) =>
    (['success', 'skipped', 'failed'] as const).map((status) => ({
      stage,
      status,
      windows: (s.records[stage] ?? []).filter((r) => r.status === status).length,
    })),
  );
  return { 'window_accuracy.json': accuracy, 'sharpe_uplift.json': uplift, 'status_counts.json': counts };
}

/**
 * Phase 6: writes `release/audit_<run_id>/` — metrics.json, summary.md, configs/ (the validated params,
 * the params file and the batch spec), plots/ (per-window data series), validation_results/ (per-window
 * validation records) and telemetry_summaries/ (the run's progress from its telemetry, when enabled).
 * Returns the bundle directory.
 */
export function writeReleaseAudit(s: RunState): string {
  const dir = bundleDir(s.o.releaseDir, s.b.runId);
  prepareOutputDir(dir, 'release audit directory');
  const metrics = roundDeep(auditMetrics(s));
  writeJsonAtomic(join(dir, RELEASE_FILES.metrics), metrics);
  writeFileAtomic(join(dir, RELEASE_FILES.summary), auditSummaryMarkdown(metrics, s.timings));
  const configs = join(dir, RELEASE_FILES.configs);
  writeJsonAtomic(join(configs, 'params.json'), s.b.ctx.params);
  if (existsSync(s.b.ctx.file))
    writeFileAtomic(
      join(configs, 'params.yaml'),
      readTextBounded(s.b.ctx.file, { maxBytes: READ_LIMITS.params, what: 'params file' }),
    );
  const spec = join(s.b.batchDir, BATCH_FILES.spec);
  if (existsSync(spec))
    writeFileAtomic(
      join(configs, BATCH_FILES.spec),
      readTextBounded(spec, { maxBytes: READ_LIMITS.metadata, what: 'batch spec' }),
    );
  for (const [name, data] of Object.entries(plots(s)))
    writeJsonAtomic(join(dir, RELEASE_FILES.plots, name), roundDeep(data));
  const validation = s.records.validation ?? [];
  writeFileAtomic(
    join(dir, 'validation_results', 'per_window.jsonl'),
    validation.map((r) => `${stableStringify(r)}\n`).join(''),
  );
  const tele = join(dir, RELEASE_FILES.telemetry);
  ensureDir(tele);
  if (s.tel.file && existsSync(s.tel.file))
    writeJsonAtomic(join(tele, 'training_progress.json'), trainingProgress(readTelemetry(s.tel.file).events));
  return dir;
}
