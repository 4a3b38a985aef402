import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ArtifactError, logger, logLevel } from '../core/index.js';
import { type BatchContext, type JobResult, toWire, type WindowJob } from './batch-context.js';
import type { JobExecutor, OnResult } from './executor.js';
import { windowLogLevel } from './inline-executor.js';
import { windowDirs } from './run-job.js';
import { blankRecord, failure } from './window-records.js';
import type { WorkerInit } from './window-worker.js';

/**
 * GBDT histogram threads per batch worker so that workers × threads never exceed the cores (the GBDT
 * uses at most 2).
 */
export function gbdtThreadsPerWorker(workers: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(2, Math.floor(cores / Math.max(1, workers))));
}

/** The compiled worker entry (from the TypeScript sources, e.g. under vitest, the build's copy). */
function workerUrl(): URL {
  if (import.meta.url.endsWith('.js')) return new URL('./window-worker.js', import.meta.url);
  const built = resolve('dist/src/batch/window-worker.js');
  if (!existsSync(built)) {
    throw new ArtifactError('the batch worker is not built', [
      { path: built, message: 'missing', fix: 'run npm run build' },
    ]);
  }
  return pathToFileURL(built);
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: { id: number; job: WindowJob; t0: number } | null;
}

/**
 * Runs window jobs on `size` worker_threads (each with its own TF.js backend and a GBDT thread budget of
 * ⌊cores / size⌋). A free worker takes the next job of a symbol it owns (see symbolAffinity); a worker
 * that dies mid-job reports that job as failed and is replaced, so the batch always finishes.
 */
export function threadExecutor(b: BatchContext, size: number): JobExecutor {
  const init: WorkerInit = {
    wire: toWire(b),
    gbdtThreads: gbdtThreadsPerWorker(size),
    logLevel: windowLogLevel(logLevel()),
    durable: false,
  };
  const url = workerUrl();
  const slots: Slot[] = [];
  let onMessage: (slot: Slot, msg: { id: number; result?: JobResult; error?: string }) => void = () => {};
  let onDeath: (slot: Slot, why: string) => void = () => {};

  const spawn = (): Slot => {
    const worker = new Worker(fileURLToPath(url), { workerData: init });
    let markReady: () => void = () => {};
    let markFailed: (e: Error) => void = () => {};
    const slot: Slot = {
      worker,
      busy: null,
      ready: new Promise<void>((res, rej) => {
        markReady = res;
        markFailed = rej;
      }),
    };
    worker.on('message', (msg: { ready?: boolean; id: number; result?: JobResult; error?: string }) => {
      if (msg.ready) markReady();
      else onMessage(slot, msg);
    });
    worker.on('error', (e) => {
      markFailed(e);
      onDeath(slot, String(e));
    });
    worker.on('exit', (code) => onDeath(slot, `worker exited with code ${code}`));
    return slot;
  };
  for (let i = 0; i < size; i++) slots.push(spawn());
  const pick = symbolAffinity();

  return {
    concurrency: size,
    mode: 'threads',
    async run(jobs, onResult: OnResult) {
      await Promise.all(slots.map((s) => s.ready));
      const pending = [...jobs];
      let finished = 0;
      let nextId = 1;
      await new Promise<void>((resolveAll) => {
        const feed = (slot: Slot): void => {
          if (finished === jobs.length) {
            resolveAll();
            return;
          }
          if (pending.length === 0) return;
          const job = pick(pending, slots.indexOf(slot));
          slot.busy = { id: nextId++, job, t0: performance.now() };
          slot.worker.postMessage({ id: slot.busy.id, job });
        };
        const finish = (slot: Slot, job: WindowJob, result: JobResult): void => {
          slot.busy = null;
          finished++;
          onResult(job, result);
          if (finished === jobs.length) resolveAll();
          else feed(slot);
        };
        onMessage = (slot, msg) => {
          const busy = slot.busy;
          if (!busy || busy.id !== msg.id) return;
          if (msg.result) finish(slot, busy.job, msg.result);
          else finish(slot, busy.job, crashed(b, busy.job, msg.error ?? 'unknown error', busy.t0));
        };
        onDeath = (slot, why) => {
          const i = slots.indexOf(slot);
          if (i < 0) return;
          logger.error('batch worker thread died; replacing it', { error: why });
          const replacement = spawn();
          slots[i] = replacement;
          const busy = slot.busy;
          slot.busy = null;
          replacement.ready.then(
            () => {
              if (busy) finish(replacement, busy.job, crashed(b, busy.job, why, busy.t0));
              else feed(replacement);
            },
            () => {},
          );
        };
        if (jobs.length === 0) resolveAll();
        for (const s of slots) feed(s);
      });
    },
    async close() {
      onDeath = () => {};
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/**
 * Chooses a free worker's next job so that each symbol's windows go to one worker, in every phase (a
 * worker then reads a symbol's data once for the whole batch): the earliest pending job of a symbol the
 * worker owns, else of a symbol nobody owns yet (which it then owns), else the earliest pending job (the
 * end of a phase: no worker idles while another has work). Removes the job from `pending`.
 */
export function symbolAffinity(): (pending: WindowJob[], worker: number) => WindowJob {
  const owner = new Map<string, number>();
  return (pending, worker) => {
    let k = pending.findIndex((j) => owner.get(j.task.symbol) === worker);
    if (k < 0) {
      k = pending.findIndex((j) => !owner.has(j.task.symbol));
      if (k >= 0) owner.set(pending[k].task.symbol, worker);
    }
    if (k < 0) k = 0;
    return pending.splice(k, 1)[0];
  };
}

function crashed(b: BatchContext, job: WindowJob, why: string, t0: number): JobResult {
  const dirs = windowDirs(b.batchDir, job.task);
  const rec = blankRecord(b, job);
  const dir =
    job.stage === 'teacher' ? dirs.teacher : job.stage === 'student' ? dirs.student : dirs.validation;
  const record = failure(rec, Object.assign(new Error(why), { name: 'WorkerCrash' }), dir);
  return { resumed: false, seconds: (performance.now() - t0) / 1000, record };
}
