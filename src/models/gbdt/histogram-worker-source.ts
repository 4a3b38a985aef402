import { buildHistogram, clearHistogram } from './histogram.js';

/**
 * Source of the histogram worker, run with `new Worker(source, { eval: true })` so it works the same
 * from compiled JavaScript and from TypeScript under vitest. It embeds the source text of the very
 * functions the main thread runs (histogram.ts keeps them self-contained), so threaded and serial
 * training add rows to each cell in the same order and stay bit-identical; a test compares both.
 *
 * Protocol over the shared Int32Array `ctrl`: [0] job sequence (main bumps, then notifies),
 * [1] start row (-1 = exit), [2] end row, [3] q0, [4] q1, [5] histogram base, [6] finished sequence, [7] class k.
 */
export const HISTOGRAM_WORKER_SOURCE = `
'use strict';
const { workerData } = require('node:worker_threads');
${clearHistogram.toString()}
${buildHistogram.toString()}
const { ctrl, cells, d, n, gh, rows, feats, offsets, numBins, hist } = workerData;
let seen = 0;
for (;;) {
  Atomics.wait(ctrl, 0, seen);
  seen = Atomics.load(ctrl, 0);
  const start = ctrl[1];
  if (start < 0) break;
  const end = ctrl[2];
  const q0 = ctrl[3];
  const q1 = ctrl[4];
  const base = ctrl[5];
  const k = ctrl[7];
  clearHistogram(feats, q0, q1, offsets, numBins, hist, base);
  buildHistogram(cells, d, rows, start, end, gh, 2, 2 * k * n, feats, q0, q1, hist, base);
  Atomics.store(ctrl, 6, seen);
  Atomics.notify(ctrl, 6);
}
`;
