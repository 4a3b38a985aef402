import { availableParallelism } from 'node:os';
import { type Job, Worker } from 'bullmq';
import { logger } from '../core/index.js';
import { initTfBackend, setGbdtThreadBudget } from '../models/index.js';
import { setAtomicWriteDurability } from '../pipeline/index.js';
import { fromWire, type JobResult } from './batch-context.js';
import type { QueuedWindow } from './queue-executor.js';
import { connectRedis, QUEUE_NAME, type RedisClient } from './redis-connection.js';
import { runJob } from './run-job.js';
import { type SymbolData, symbolCache } from './symbol-data.js';

/** Options of a `batch-worker` process. */
export interface BatchWorkerOptions {
  url: string;
  /** Windows this process runs at once (each gets cores / concurrency GBDT threads). */
  concurrency?: number;
  /** Lock of a running window; a worker silent for this long (killed) loses the window to another. */
  lockMs?: number;
  /** Stops after this many windows (tests); default: until stopped. */
  maxJobs?: number;
}

/** A running batch worker: `stop()` finishes the window in hand, then disconnects. */
export interface BatchWorkerHandle {
  stop(): Promise<void>;
  /** Resolves when the worker stops (after stop() or maxJobs). */
  closed: Promise<void>;
  processed(): number;
}

/**
 * Takes windows from the batch queue and runs them with the same job code as the local runner, writing
 * into the batch directory the job names (shared storage; paths relative to this process's working
 * directory). Jobs of any batch are accepted: each carries its params and run.
 */
export async function startBatchWorker(o: BatchWorkerOptions): Promise<BatchWorkerHandle> {
  const concurrency = Math.max(1, Math.floor(o.concurrency ?? 1));
  setGbdtThreadBudget(Math.max(1, Math.floor(availableParallelism() / concurrency)));
  setAtomicWriteDurability(false);
  await initTfBackend();
  const connection = await connectRedis(o.url);
  const caches = new Map<string, (symbol: string) => SymbolData>();
  let count = 0;
  const worker = new Worker<QueuedWindow, JobResult>(
    QUEUE_NAME,
    async (job: Job<QueuedWindow>) => {
      const b = fromWire(job.data.wire);
      const key = `${b.batchDir}\\0${b.ctx.configHash}`;
      let data = caches.get(key);
      if (!data) {
        data = symbolCache(b.batchDir, b.ctx.params.base.exchange_tz);
        caches.set(key, data);
      }
      const r = await runJob(b, job.data.job, data);
      logger.info('batch-worker: window done', {
        run_id: b.runId,
        stage: r.record.stage,
        window: r.record.window_label,
        status: r.record.status,
        resumed: r.resumed,
      });
      return r;
    },
    {
      connection: connection as never,
      concurrency,
      lockDuration: o.lockMs ?? 30_000,
      stalledInterval: o.lockMs ?? 30_000,
      maxStalledCount: 5,
    },
  );
  let closing: Promise<void> | null = null;
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((r) => {
    resolveClosed = r;
  });
  const stop = (): Promise<void> => {
    closing ??= worker
      .close()
      .then(() => (connection as RedisClient).quit())
      .catch(() => undefined)
      .then(() => resolveClosed());
    return closing;
  };
  worker.on('completed', () => {
    count++;
    if (o.maxJobs !== undefined && count >= o.maxJobs) void stop();
  });
  worker.on('error', (e) => logger.warn('batch-worker: queue error', { error: String(e) }));
  await worker.waitUntilReady();
  logger.info('batch-worker ready', { queue: QUEUE_NAME, concurrency, lock_ms: o.lockMs ?? 30_000 });
  return { stop, closed, processed: () => count };
}
