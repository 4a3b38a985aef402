import type { BinMapper } from './binning.js';
import { partitionRange } from './histogram-builder.js';
import { routeByNode, type Tree } from './tree.js';
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
  const { feature, defaultLeft } = tree;
  for (let node = 0; node < feature.length; node++) {
    if (nodeBin[node] >= mapper.uppers[feature[node]].length) return false;
  }
  const { tmp, goLeft, n } = buf;
  routeByNode(tree, rows, count, leafOf, (node, from, to) => {
    const f = feature[node];
    const missing = mapper.numBins[f] - 1;
    const bin = nodeBin[node];
    for (let b = 0; b < missing; b++) goLeft[b] = b <= bin ? 1 : 0;
    goLeft[missing] = defaultLeft[node];
    const nLeft = partitionRange(buf, from, to, f * n, rows);
    rows.set(tmp.subarray(from, to - nLeft), from + nLeft);
    return nLeft;
  });
  return true;
}
