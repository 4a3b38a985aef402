import { randomBytes } from 'node:crypto';
import { type Job, Queue, QueueEvents } from 'bullmq';
import { logger } from '../core/index.js';
import {
  type BatchContext,
  type BatchWire,
  type JobResult,
  toWire,
  type WindowJob,
} from './batch-context.js';
import type { JobExecutor, OnResult } from './executor.js';
import { connectRedis, QUEUE_NAME, type RedisClient } from './redis-connection.js';
import { blankRecord } from './window-records.js';

/** What a queued window carries: the batch (params included) and the window, so any worker can run it. */
export interface QueuedWindow {
  wire: BatchWire;
  job: WindowJob;
}

/** Milliseconds between checks of jobs whose completion event may have been missed. */
const SWEEP_MS = 3000;
/** A queue without a finished window for this long gets a warning (no worker may be running). */
const QUIET_MS = 60_000;

function parseResult(v: unknown): JobResult | null {
  const r = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  return r !== null && typeof r === 'object' && 'record' in r ? (r as JobResult) : null;
}

/**
 * Runs window jobs on a BullMQ queue in Redis: each window becomes a job any `batch-worker` (on any
 * machine sharing the batch directory) can take; results come back through the queue's events as
 * windows finish. A worker killed mid-window loses its lock and the window is retried by another.
 */
export async function queueExecutor(b: BatchContext, url: string): Promise<JobExecutor> {
  // Separate connections: QueueEvents blocks on its stream reads.
  const [producer, listener] = await Promise.all([connectRedis(url), connectRedis(url)]);
  const queue = new Queue<QueuedWindow>(QUEUE_NAME, { connection: producer as never });
  const events = new QueueEvents(QUEUE_NAME, { connection: listener as never });
  await events.waitUntilReady();
  // Windows a killed earlier attempt of this run left waiting would race this attempt's: drop them.
  for (const j of await queue.getJobs(['waiting', 'delayed', 'prioritized']))
    if (j?.id?.startsWith(`${b.runId}.`)) await j.remove().catch(() => undefined);
  const wire = toWire(b);
  // A fresh id per attempt: a rerun must not find the last attempt's finished jobs under the same ids.
  const nonce = randomBytes(4).toString('hex');
  let pending = new Map<string, WindowJob>();
  let deliver: OnResult = () => {};
  let allDone: () => void = () => {};
  let lastSettled = Date.now();
  const settle = (id: string, result: JobResult): void => {
    const job = pending.get(id);
    if (!job) return;
    pending.delete(id);
    lastSettled = Date.now();
    deliver(job, result);
    if (pending.size === 0) allDone();
  };
  const failed = (id: string, reason: string): void => {
    const job = pending.get(id);
    if (!job) return;
    const record = { ...blankRecord(b, job), reason: 'QueueJobFailed', message: reason.split('\n')[0] };
    settle(id, { record, resumed: false, seconds: 0 });
  };
  events.on('completed', ({ jobId, returnvalue }) => {
    const r = parseResult(returnvalue);
    if (r) settle(jobId, r);
  });
  events.on('failed', ({ jobId, failedReason }) => failed(jobId, failedReason));
  const sweep = (): void => {
    if (Date.now() - lastSettled > QUIET_MS) {
      logger.warn('queue: no window finished lately; are batch-worker processes running?', {
        queue: QUEUE_NAME,
        pending: pending.size,
        fix: `sensequant batch-worker --queue ${url}`,
      });
      lastSettled = Date.now();
    }
    for (const id of [...pending.keys()]) {
      queue.getJob(id).then(
        (j: Job<QueuedWindow> | undefined) => {
          if (!j?.finishedOn) return;
          if (j.failedReason) failed(id, j.failedReason);
          else {
            const r = parseResult(j.returnvalue);
            if (r) settle(id, r);
          }
        },
        (e: unknown) => logger.warn('queue: job lookup failed', { id, error: String(e) }),
      );
    }
  };
  return {
    concurrency: 0,
    mode: 'queue',
    async run(jobs, onResult) {
      if (jobs.length === 0) return;
      const ids = jobs.map((job) => `${b.runId}.${nonce}.${job.stage}.${job.task.index}`);
      pending = new Map(jobs.map((job, i) => [ids[i], job]));
      lastSettled = Date.now();
      deliver = onResult;
      const finished = new Promise<void>((resolve) => {
        allDone = resolve;
      });
      await queue.addBulk(
        jobs.map((job, i) => ({
          name: job.stage,
          data: { wire, job },
          opts: { jobId: ids[i], removeOnComplete: { age: 3600 }, removeOnFail: { age: 24 * 3600 } },
        })),
      );
      logger.info('queue: windows enqueued; waiting for batch-worker processes', {
        queue: QUEUE_NAME,
        jobs: jobs.length,
      });
      const timer = setInterval(sweep, SWEEP_MS);
      try {
        await finished;
      } finally {
        clearInterval(timer);
      }
    },
    async close() {
      await events.close();
      await queue.close();
      await Promise.all([producer, listener].map((c: RedisClient) => c.quit().catch(() => undefined)));
    },
  };
}
