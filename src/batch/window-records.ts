import { rmSync } from 'node:fs';
import { logger, SenseQuantError } from '../core/index.js';
import type { BatchContext, WindowJob } from './batch-context.js';
import type { WindowRecord } from './ledger.js';
import { studentMetrics, teacherMetrics, validationMetrics } from './window-metrics.js';

/** The record of a job before it ran (a failure until it says otherwise). */
export function blankRecord(b: BatchContext, job: WindowJob): WindowRecord {
  const t = job.task;
  return {
    run_id: b.runId,
    stage: job.stage,
    window_index: t.index,
    symbol: t.symbol,
    window_label: t.label,
    start_date: t.start,
    end_date: t.end,
    status: 'failed',
    artifacts_path: null,
    input_path: null,
    reason: null,
    message: null,
    metrics: null,
    model_sha256: null,
    recommendation: null,
    config_hash: b.ctx.configHash,
  };
}

/** A failed record for `e`; the stage dir it was writing is removed. */
export function failure(rec: WindowRecord, e: unknown, remove: string): WindowRecord {
  // A failed window leaves no half-written directory behind: its artifacts_path stays null.
  rmSync(remove, { recursive: true, force: true });
  const expected = e instanceof SenseQuantError;
  const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  if (!expected)
    logger.error('batch: unexpected error in a window (a bug)', {
      window: rec.window_label,
      error: String(e),
      stack: e instanceof Error ? e.stack : undefined,
    });
  return { ...rec, status: 'failed', reason: e instanceof Error ? e.name : 'Error', message };
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A teacher window's success record, metrics read back from its dir. */
export function teacherSuccess(rec: WindowRecord, dir: string, meta: Record<string, unknown>): WindowRecord {
  return {
    ...rec,
    status: 'success',
    artifacts_path: dir,
    metrics: teacherMetrics(dir),
    model_sha256: str(meta.model_sha256),
  };
}

/** A student window's success record. */
export function studentSuccess(rec: WindowRecord, dir: string, meta: Record<string, unknown>): WindowRecord {
  return {
    ...rec,
    status: 'success',
    artifacts_path: dir,
    metrics: studentMetrics(dir),
    model_sha256: str(meta.model_sha256),
  };
}

/** A validation window's success record. */
export function validationSuccess(
  rec: WindowRecord,
  dir: string,
  meta: Record<string, unknown>,
): WindowRecord {
  const r = meta.recommendation;
  return {
    ...rec,
    status: 'success',
    artifacts_path: dir,
    metrics: validationMetrics(dir),
    recommendation: r === 'PROMOTE' || r === 'REJECT' ? r : null,
  };
}
