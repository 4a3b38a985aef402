import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { PATHS } from '../pipeline/index.js';
import type { StageContext } from '../stages/index.js';
import type { Phase } from './phases.js';

/** How a batch runs (flags of train-batch / run-historical-training; params come through `ctx`). */
export interface BatchOptions {
  /** Params with the command's overrides (symbols, dates, window sizes) applied. */
  ctx: StageContext;
  phases: readonly Phase[];
  /** Default `batch_<config_hash>`: the same configuration is the same run, so a rerun resumes it. */
  runId?: string;
  /** Default `data/models/<run_id>`. */
  batchDir?: string;
  /** Read bars from the raw-bar store `rawDir` (default data/raw) instead of fetching them. */
  skipFetch?: boolean;
  rawDir?: string;
  /** Parallel windows on worker_threads (default: the cores; 1 = in this thread). */
  workers?: number;
  /** `redis://HOST:PORT`: put the windows on a BullMQ queue for `batch-worker` processes. */
  queue?: string;
  /** Telemetry directory (`--enable-telemetry`; default data/analytics/training); null/undefined = off. */
  telemetryDir?: string | null;
  /** Root of the release audit bundles (default release/). */
  releaseDir?: string;
}

/** The run id a configuration gets unless one is given. */
export const defaultRunId = (ctx: StageContext): string => `batch_${ctx.configHash}`;

/** Options with every default resolved. */
export function resolveBatchOptions(o: BatchOptions) {
  const runId = o.runId ?? defaultRunId(o.ctx);
  return {
    ...o,
    runId,
    batchDir: o.batchDir ?? join(PATHS.models, runId),
    workers: Math.max(1, Math.floor(o.workers ?? availableParallelism())),
    releaseDir: o.releaseDir ?? PATHS.release,
    telemetryDir: o.telemetryDir ?? null,
  };
}

export type ResolvedBatchOptions = ReturnType<typeof resolveBatchOptions>;
