import type { BinMapper } from './binning.js';
import { partitionRows } from './partition.js';
import type { Tree } from './tree.js';
import type { GrowBuffers } from './tree-grower.js';

/**
 * routeRows on the training bins instead of the raw values, as LightGBM updates out-of-bag scores:
 * each node partitions its rows with the same go-left table the grower used (bin <= split bin, the
 * missing bin to the default side), through the wasm partition kernel when there is one. A row's bin
 * is <= the split bin exactly when its value is <= the node's threshold (the bin's upper bound), so
 * the leaves are routeRows' — except at a node whose split sends every value left (threshold
 * Number.MAX_VALUE), where +Infinity goes right on raw values: for such a tree this returns false
 * and the caller routes on raw values. `rows` (in the arena, with buf.tmp as scratch) is reordered.
 */
export function routeRowsBinned(
  tree: Tree,
  nodeBin: Int32Array,
  buf: GrowBuffers,
  mapper: BinMapper,
  rows: Uint32Array,
  count: number,
  leafOf: Uint16Array,
): boolean {
  const { feature, defaultLeft, left, right } = tree;
  const m = feature.length;
  for (let node = 0; node < m; node++) {
    if (nodeBin[node] >= mapper.uppers[feature[node]].length) return false;
  }
  if (m === 0) {
    for (let q = 0; q < count; q++) leafOf[rows[q]] = 0;
    return true;
  }
  const { tmp, goLeft, binsByFeature, kernels, n } = buf;
  const stack = new Int32Array(3 * (m + 1));
  let top = 0;
  stack[top++] = 0;
  stack[top++] = 0;
  stack[top++] = count;
  while (top > 0) {
    const to = stack[--top];
    const from = stack[--top];
    const node = stack[--top];
    if (node < 0) {
      const leaf = ~node;
      for (let q = from; q < to; q++) leafOf[rows[q]] = leaf;
      continue;
    }
    const f = feature[node];
    const missing = mapper.numBins[f] - 1;
    const bin = nodeBin[node];
    for (let b = 0; b < missing; b++) goLeft[b] = b <= bin ? 1 : 0;
    goLeft[missing] = defaultLeft[node];
    const col = f * n;
    const nLeft = kernels
      ? kernels.partition(
          rows.byteOffset,
          tmp.byteOffset,
          from,
          to,
          binsByFeature.byteOffset + col,
          goLeft.byteOffset,
        )
      : partitionRows(rows, tmp, from, to, binsByFeature, col, goLeft);
    const mid = from + nLeft;
    rows.set(tmp.subarray(from, to - nLeft), mid);
    stack[top++] = left[node];
    stack[top++] = from;
    stack[top++] = mid;
    stack[top++] = right[node];
    stack[top++] = mid;
    stack[top++] = to;
  }
  return true;
}
