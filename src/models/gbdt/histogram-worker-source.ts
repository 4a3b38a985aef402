import { buildHistogram, clearHistogram } from './histogram.js';
import { buildHistogramWasm, gradientsWasm } from './histogram-wasm.js';
import { softmaxGradients } from './objective.js';
import { partitionRows } from './partition.js';
import { findBestSplit } from './split.js';

/** Job codes of the worker protocol. */
export const OP_HISTOGRAM = 1;
export const OP_GRADIENTS = 2;
export const OP_PARTITION = 3;
export const OP_SPLIT = 4;

/**
 * Source of the training worker, run with `new Worker(source, { eval: true })` so it works the same
 * from compiled JavaScript and from TypeScript under vitest. It embeds the source text of the very
 * functions the main thread runs (they are kept self-contained), so threaded and serial training do
 * the same arithmetic in the same order and stay bit-identical; tests compare both.
 *
 * With `memory` (the arena's wasm memory) and `wasm` (the compiled kernel module) it instantiates the
 * same WebAssembly kernels as the main thread on the same memory.
 *
 * A split search (OP_SPLIT) takes the leaf's sums, count and the split params from the shared doubles
 * `fio` and writes its result there.
 *
 * Protocol over the shared Int32Array `ctrl`: [0] job sequence (main bumps, then notifies), [8] op
 * (0 = exit), [1] start row, [2] end row, [3] features used (a partition: the feature's column), [5] histogram base,
 * [7] class k; the worker writes [9] its result, then [6] = the finished sequence, and notifies.
 * [10] is 1 while the worker sleeps (or is about to): only then does the main thread notify it.
 * Between jobs it polls a little before sleeping: jobs come in bursts a few microseconds apart, and
 * a futex wake-up costs more than that.
 */
export const HISTOGRAM_WORKER_SOURCE = `
'use strict';
const { workerData } = require('node:worker_threads');
${clearHistogram.toString()}
${buildHistogram.toString()}
${buildHistogramWasm.toString()}
${gradientsWasm.toString()}
${softmaxGradients.toString()}
${partitionRows.toString()}
${findBestSplit.toString()}
const { ctrl, cells, d, n, gh, rows, feats, offsets, numBins, hist, half } = workerData;
const { scores, y, weight, numClasses, spin, memory, wasm, tmp, binsByFeature, goLeft } = workerData;
const { fio, hasMissing } = workerData;
const split = { gain: 0, feature: -1, bin: 0, defaultLeft: false, leftG: 0, leftH: 0, leftC: 0 };
// The second half of the scratch pairs: the main thread uses the first.
const scratch = workerData.scratch.byteOffset + workerData.scratch.byteLength / 2;
const kernels = memory ? new WebAssembly.Instance(wasm, { env: { mem: memory, exp: Math.exp } }).exports : undefined;
let seen = 0;
for (;;) {
  for (let i = 0; i < spin && Atomics.load(ctrl, 0) === seen; i++);
  if (Atomics.load(ctrl, 0) === seen) {
    Atomics.store(ctrl, 10, 1);
    Atomics.wait(ctrl, 0, seen);
    Atomics.store(ctrl, 10, 0);
  }
  seen = Atomics.load(ctrl, 0);
  const op = ctrl[8];
  if (op === 0) break;
  const start = ctrl[1];
  const end = ctrl[2];
  let result = 0;
  if (op === ${OP_HISTOGRAM}) {
    const nf = ctrl[3];
    const base = ctrl[5];
    clearHistogram(feats, 0, nf, offsets, numBins, hist, base, half);
    if (kernels) buildHistogramWasm(kernels, cells, d, rows, start, end, gh, 2 * ctrl[7] * n, feats, nf, hist, base, scratch);
    else buildHistogram(cells, d, rows, start, end, gh, 2, 2 * ctrl[7] * n, feats, 0, nf, hist, base, half);
  } else if (op === ${OP_GRADIENTS}) {
    if (kernels && workerData.wasmGradients) gradientsWasm(kernels, scores, y, gh, start, end, softmaxGradients);
    else softmaxGradients(scores, y, numClasses, weight, gh, start, end);
  } else if (op === ${OP_PARTITION}) {
    const col = ctrl[3];
    result = kernels
      ? kernels.partition(rows.byteOffset, tmp.byteOffset, start, end, binsByFeature.byteOffset + col, goLeft.byteOffset)
      : partitionRows(rows, tmp, start, end, binsByFeature, col, goLeft);
  } else if (op === ${OP_SPLIT}) {
    const p = { lambdaL2: fio[3], minDataInLeaf: fio[4], minSumHessianInLeaf: fio[5], minGainToSplit: fio[6] };
    findBestSplit(hist, ctrl[5], feats, ctrl[3], offsets, numBins, hasMissing, fio[0], fio[1], fio[2], p, split);
    fio[8] = split.gain;
    fio[9] = split.feature;
    fio[10] = split.bin;
    fio[11] = split.defaultLeft ? 1 : 0;
    fio[12] = split.leftG;
    fio[13] = split.leftH;
    fio[14] = split.leftC;
  }
  ctrl[9] = result;
  Atomics.store(ctrl, 6, seen);
  Atomics.notify(ctrl, 6);
}
`;
