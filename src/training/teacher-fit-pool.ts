import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Params } from '../config/index.js';
import { logger, logLevel } from '../core/index.js';
import {
  type Classifier,
  type Dataset,
  gbdtAutoThreads,
  loadClassifier,
  type SavedModel,
} from '../models/index.js';
import { gather, type LabelledRows, takeRows } from './labelled-rows.js';
import type { FitReply, FitRequest } from './teacher-fit-worker.js';

/** One teacher fit: the row ids it trains on, and those it scores with the result. */
export interface FitJob {
  fit: Int32Array;
  predict: Int32Array;
}

/** A fitted model and its probabilities of the job's `predict` rows (row-major, K per row). */
export interface FitOutcome {
  model: Classifier;
  proba: Float64Array;
}

/** A job's training data and rows to score, taken from the labelled rows when the job runs. */
export function jobData(rows: LabelledRows, job: FitJob): { x: Dataset; y: Int32Array; predict: Dataset } {
  return {
    x: takeRows(rows.x, job.fit),
    y: gather(rows.label, job.fit),
    predict: takeRows(rows.x, job.predict),
  };
}

/**
 * Below this many training cells (rows × features) of the first fit, fits run one after the other on
 * the calling thread: a worker's start-up (module loading) costs about what two small fits take.
 */
export const POOL_MIN_CELLS = 2_000_000;
let minCells = POOL_MIN_CELLS;

/** Overrides POOL_MIN_CELLS (undefined restores it): tests run small fits through the pool. */
export function setFitPoolMinCells(cells: number | undefined): void {
  minCells = cells ?? POOL_MIN_CELLS;
}

/** The compiled worker entry (from the TypeScript sources, e.g. under vitest, the build's copy). */
function workerEntry(): string | undefined {
  if (import.meta.url.endsWith('.js'))
    return fileURLToPath(new URL('./teacher-fit-worker.js', import.meta.url));
  const built = resolve('dist/src/training/teacher-fit-worker.js');
  return existsSync(built) ? built : undefined;
}

/** Workers the pool would use for these jobs (0 = fit on the calling thread). */
export function fitPoolSize(params: Params, x: Dataset, jobs: readonly FitJob[]): number {
  if (params.teacher.model_type !== 'gbdt' || jobs.length < 2) return 0;
  if (jobs[0].fit.length * x.d < minCells) return 0;
  const threads = gbdtAutoThreads();
  return threads >= 2 && workerEntry() !== undefined ? Math.min(threads, jobs.length) : 0;
}

/**
 * Runs independent teacher fits (the final model and the out-of-fold models) on `size` worker threads,
 * each fit single-threaded: whole fits in parallel keep both cores busy without the per-leaf hand-offs
 * of one fit's two histogram threads, which a busy machine stalls. Every fit is deterministic, so the
 * models are the bytes a sequential run gives; results come back in job order.
 */
export async function runFitPool(
  params: Params,
  rows: LabelledRows,
  jobs: readonly FitJob[],
  valid: { x: Dataset; y: Int32Array },
  size: number,
  init?: SavedModel,
  onDone?: () => void,
): Promise<FitOutcome[]> {
  const entry = workerEntry();
  if (!entry) throw new Error('teacher fit worker is not built');
  const out: FitOutcome[] = new Array(jobs.length);
  let next = 0;
  let finished = 0;
  // The fits' own progress stays quiet (two at once would interleave); the pool reports whole fits.
  const level = logLevel();
  const workerLevel = level === 'debug' || level === 'silent' || level === 'error' ? level : 'warn';
  const workers = Array.from(
    { length: size },
    () => new Worker(pathToFileURL(entry), { workerData: { logLevel: workerLevel } }),
  );
  logger.debug('teacher: fit pool', { workers: size, fits: jobs.length });
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((res, rej) => {
            const take = (): void => {
              if (next >= jobs.length) {
                res();
                return;
              }
              const id = next++;
              const { x, y, predict } = jobData(rows, jobs[id]);
              const req: FitRequest = { id, params, x, y, valid, init, predict };
              w.postMessage(req);
            };
            w.on('message', (reply: FitReply) => {
              if (reply.error !== undefined || !reply.saved || !reply.proba) {
                rej(new Error(`teacher fit ${reply.id} failed in its worker: ${reply.error ?? 'no model'}`));
                return;
              }
              out[reply.id] = { model: loadClassifier(reply.saved), proba: reply.proba };
              finished++;
              onDone?.();
              take();
            });
            w.on('error', rej);
            w.on('exit', (code) => {
              if (finished < jobs.length) rej(new Error(`teacher fit worker exited with code ${code}`));
            });
            take();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}
