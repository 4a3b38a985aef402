/**
 * Source of the histogram worker, run with `new Worker(source, { eval: true })` so it works the same
 * from compiled JavaScript and from TypeScript under vitest. The loop must add rows to each cell in
 * the same order as buildHistogram/clearHistogram in histogram.ts (it is the same loop), which keeps
 * threaded and serial training bit-identical; a test compares both.
 *
 * Protocol over the shared Int32Array `ctrl`: [0] job sequence (main bumps, then notifies),
 * [1] start row (-1 = exit), [2] end row, [3] q0, [4] q1, [5] histogram base, [6] finished sequence.
 */
export const HISTOGRAM_WORKER_SOURCE = `
'use strict';
const { workerData } = require('node:worker_threads');
const { ctrl, cells, d, grad, hess, rows, feats, offsets, numBins, hist } = workerData;
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
  for (let q = q0; q < q1; q++) {
    const j = feats[q];
    const from = base + offsets[j] * 2;
    hist.fill(0, from, from + numBins[j] * 2);
  }
  const all = q0 === 0 && q1 === d;
  for (let p = start; p < end; p++) {
    const r = rows[p];
    const g = grad[r];
    const h = hess[r];
    const rb = r * d;
    let q = q0;
    if (all) {
      for (; q + 3 < q1; q += 4) {
        const k0 = base + (cells[rb + q] << 1);
        const k1 = base + (cells[rb + q + 1] << 1);
        const k2 = base + (cells[rb + q + 2] << 1);
        const k3 = base + (cells[rb + q + 3] << 1);
        hist[k0] += g;
        hist[k0 + 1] += h;
        hist[k1] += g;
        hist[k1 + 1] += h;
        hist[k2] += g;
        hist[k2 + 1] += h;
        hist[k3] += g;
        hist[k3 + 1] += h;
      }
    } else {
      for (; q + 3 < q1; q += 4) {
        const k0 = base + (cells[rb + feats[q]] << 1);
        const k1 = base + (cells[rb + feats[q + 1]] << 1);
        const k2 = base + (cells[rb + feats[q + 2]] << 1);
        const k3 = base + (cells[rb + feats[q + 3]] << 1);
        hist[k0] += g;
        hist[k0 + 1] += h;
        hist[k1] += g;
        hist[k1 + 1] += h;
        hist[k2] += g;
        hist[k2 + 1] += h;
        hist[k3] += g;
        hist[k3 + 1] += h;
      }
    }
    for (; q < q1; q++) {
      const k = base + (cells[rb + feats[q]] << 1);
      hist[k] += g;
      hist[k + 1] += h;
    }
  }
  Atomics.store(ctrl, 6, seen);
  Atomics.notify(ctrl, 6);
}
`;
