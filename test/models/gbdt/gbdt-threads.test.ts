import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticGbdtData } from '../../../bench/gbdt-bench.js';
import { gbdtAutoThreads, setGbdtThreadBudget, trainGbdt } from '../../../src/models/gbdt/index.js';
import {
  histogramStats,
  MIN_CHUNKED_ROWS,
  resetHistogramStats,
} from '../../../src/models/gbdt/histogram-builder.js';
import { firstDiff } from './helpers.js';

/** The teacher's sampling (bagging every round, 80 % of features) on the benchmark's data shape. */
const teacherLike = {
  numLeaves: 15,
  minDataInLeaf: 20,
  featureFraction: 0.8,
  baggingFraction: 0.8,
  baggingFreq: 1,
};

describe('two histogram threads under CPU contention', () => {
  // A busy loop on another thread: with the training thread and its worker that is more threads than
  // the 2 cores, so both are preempted at arbitrary points and any read of a buffer before its
  // writer finished, or a lost wake-up, would show.
  let busy: Worker[] = [];
  beforeAll(() => {
    busy = [new Worker('for (;;) {}', { eval: true })];
  });
  afterAll(async () => {
    await Promise.all(busy.map((w) => w.terminate()));
  });

  it('trains byte-identical models to serial training over many seeds and rounds', () => {
    // Leaves above MIN_CHUNKED_ROWS rows are split between the threads.
    const rows = 4 * MIN_CHUNKED_ROWS;
    for (let seed = 0; seed < 5; seed++) {
      const data = syntheticGbdtData(rows, 8, 50 + seed);
      const opts = { numRounds: 20, seed, ...(seed % 2 === 0 ? teacherLike : { numLeaves: 31 }) };
      resetHistogramStats();
      const serial = JSON.stringify(trainGbdt(data, { ...opts, numThreads: 1 }).toJSON());
      expect(histogramStats.parallelBuilds).toBe(0);
      resetHistogramStats();
      const threaded = JSON.stringify(trainGbdt(data, { ...opts, numThreads: 2 }).toJSON());
      // The worker really built part of many histograms (so the comparison covers the hand-off).
      expect(histogramStats.parallelBuilds).toBeGreaterThan(20);
      expect({ seed, at: firstDiff(serial, threaded) }).toEqual({ seed, at: -1 });
    }
  });

  it('gives the same bytes run after run with auto threads (two on a 2-core machine)', () => {
    setGbdtThreadBudget(undefined);
    expect(gbdtAutoThreads()).toBe(Math.min(2, availableParallelism()));
    // 4 × 4096 rows × 14 features: above the 200k cells from which auto starts the worker.
    const data = syntheticGbdtData(4 * MIN_CHUNKED_ROWS, 14, 7);
    const opts = { numRounds: 20, ...teacherLike };
    resetHistogramStats();
    const first = JSON.stringify(trainGbdt(data, opts).toJSON());
    if (availableParallelism() >= 2) expect(histogramStats.parallelBuilds).toBeGreaterThan(0);
    for (let rep = 0; rep < 2; rep++) {
      const again = JSON.stringify(trainGbdt(data, opts).toJSON());
      expect({ rep, at: firstDiff(first, again) }).toEqual({ rep, at: -1 });
    }
  });
});
