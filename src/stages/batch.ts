import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type BatchOutcome, loadBatchContext, type Phase, runBatch } from '../batch/index.js';
import { logger } from '../core/index.js';
import { PATHS, prepareOutputDir, writeJsonAtomic } from '../pipeline/index.js';
import type { StageContext } from './context.js';

/** Where the batch stage reads and writes (the DVC layout by default). */
export interface BatchIO {
  rawDir: string;
  outDir: string;
}

/** The phases `dvc repro` runs: no fetch (it reads the raw-bar store), no audit or briefing (outside DVC). */
const DVC_PHASES: readonly Phase[] = [
  'data_ingestion',
  'teacher_training',
  'student_training',
  'model_validation',
  'statistical_tests',
];

/** File the stage writes when `batch.enabled` is false (DVC needs its output to exist). */
export const BATCH_STATUS_FILE = 'batch_status.json';

/**
 * Stage main of `batch`: with `batch.enabled: true` in params.yaml, the walk-forward batch over the raw-bar
 * store (windows, ledgers, validations, statistics) into `io.outDir`; otherwise only a status file saying
 * it is off. The run id is fixed (`dvc`) so the outputs depend only on params and data.
 */
export async function batchMain(
  ctx: StageContext,
  io: BatchIO = { rawDir: PATHS.raw, outDir: PATHS.batch },
): Promise<BatchOutcome | null> {
  const enabled = ctx.params.batch?.enabled === true;
  rmSync(io.outDir, { recursive: true, force: true }); // exactly this run's outputs
  prepareOutputDir(io.outDir);
  writeJsonAtomic(join(io.outDir, BATCH_STATUS_FILE), { enabled, config_hash: ctx.configHash });
  if (!enabled) {
    logger.info('batch stage: off (set batch.enabled: true in params.yaml to run the walk-forward batch)');
    return null;
  }
  const bctx = loadBatchContext(ctx.file);
  const out = await runBatch({
    ctx: bctx,
    phases: DVC_PHASES,
    runId: 'dvc',
    batchDir: io.outDir,
    skipFetch: true,
    rawDir: io.rawDir,
  });
  // Like a REJECT in the validate stage, failed windows are results (in the ledgers), not a stage failure.
  if (out.failedWindows > 0)
    logger.warn('batch stage: some windows failed (see the ledgers)', {
      failed: out.failedWindows,
      dir: io.outDir,
    });
  return out;
}
