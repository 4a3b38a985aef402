import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { gbdtThreadsPerWorker } from '../../src/batch/index.js';
import { gbdtAutoThreads, setGbdtThreadBudget } from '../../src/models/index.js';

describe('GBDT threads per batch worker', () => {
  it('never lets workers × threads exceed the cores (the GBDT uses at most 2)', () => {
    expect(gbdtThreadsPerWorker(2, 2)).toBe(1);
    expect(gbdtThreadsPerWorker(1, 2)).toBe(2);
    expect(gbdtThreadsPerWorker(3, 8)).toBe(2);
    expect(gbdtThreadsPerWorker(5, 8)).toBe(1);
    expect(gbdtThreadsPerWorker(4, 2)).toBe(1); // more workers than cores: one thread each
    for (let cores = 1; cores <= 16; cores++)
      for (let w = 1; w <= cores; w++) expect(w * gbdtThreadsPerWorker(w, cores)).toBeLessThanOrEqual(cores);
  });

  it('the budget caps what numThreads 0 (auto) resolves to in this thread', () => {
    setGbdtThreadBudget(1);
    expect(gbdtAutoThreads()).toBe(1);
    // Never more than the two threads the GBDT has, whatever the budget.
    setGbdtThreadBudget(8);
    expect(gbdtAutoThreads()).toBe(2);
    setGbdtThreadBudget(undefined);
    expect(gbdtAutoThreads()).toBe(Math.min(2, availableParallelism()));
  });
});
