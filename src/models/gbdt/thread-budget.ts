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
 * Threads `numThreads: 0` resolves to: one. Two-thread histograms are meant to be bit-identical to serial,
 * but under heavy load a 200-round run has diverged in the last bits (an unexplained race, see
 * histogram-threads.ts), and a reproducible pipeline cannot depend on machine load: until that is found,
 * auto means serial and two threads must be asked for (`numThreads: 2`). The batch's budget still caps it.
 */
export function gbdtAutoThreads(): number {
  return Math.min(1, budget ?? availableParallelism());
}
