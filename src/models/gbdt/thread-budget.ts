import { availableParallelism } from 'node:os';

let budget: number | undefined;

/**
 * Caps the histogram threads that `numThreads: 0` (auto) may use in this thread of the process. The
 * walk-forward batch runs several windows at once on worker_threads and gives each worker
 * ⌊cores / workers⌋, so workers × GBDT threads never exceed the cores. `undefined` restores the default
 * (up to 2 on a machine with 2+ cores). Models are bit-identical for any thread count.
 */
export function setGbdtThreadBudget(threads: number | undefined): void {
  budget = threads === undefined ? undefined : Math.max(1, Math.floor(threads));
}

/**
 * Threads `numThreads: 0` resolves to: two on a machine with two or more cores, capped by this
 * thread's budget. Threaded and serial training give the same bytes (test/models/gbdt/gbdt-threads.test.ts
 * checks it over many seeds while other threads load the cores), so the choice never shows in a model.
 */
export function gbdtAutoThreads(): number {
  return Math.min(2, budget ?? availableParallelism());
}
