import type { Dataset } from '../learner.js';

/**
 * One regression tree as flat arrays. Internal node i splits on `feature[i]`: x <= threshold[i] goes
 * to `left[i]`, otherwise `right[i]`, NaN to the side given by `defaultLeft[i]`. A child c >= 0 is an
 * internal node; c < 0 is leaf ~c (i.e. -c-1). A tree with no split has one leaf and no nodes.
 */
export interface Tree {
  feature: Int32Array;
  threshold: Float64Array;
  defaultLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  /** Split gain of each internal node (feature importance). */
  gain: Float64Array;
  /** Leaf outputs, shrinkage included. */
  leafValue: Float64Array;
}

/** Adds the tree's output for every row of x to `scores[i * stride + offset]`. */
export function addTreeScores(
  tree: Tree,
  x: Dataset,
  scores: Float64Array,
  stride: number,
  offset: number,
): void {
  const { feature, threshold, defaultLeft, left, right, leafValue } = tree;
  const cols = x.columns;
  const n = x.n;
  if (feature.length === 0) {
    const v = leafValue[0];
    for (let i = 0; i < n; i++) scores[i * stride + offset] += v;
    return;
  }
  for (let i = 0; i < n; i++) {
    let node = 0;
    while (node >= 0) {
      const v = cols[feature[node]][i];
      node = v <= threshold[node] || (Number.isNaN(v) && defaultLeft[node] === 1) ? left[node] : right[node];
    }
    scores[i * stride + offset] += leafValue[~node];
  }
}

/**
 * Walks `tree` node by node over rows[0..count): `split(node, from, to)` partitions the node's rows in
 * place (left ones first, each side in order) and returns how many went left; each leaf's rows then get
 * their leaf in `leafOf`. Shared by routeRows (raw values) and routeRowsBinned (training bins).
 */
export function routeByNode(
  tree: Tree,
  rows: Uint32Array,
  count: number,
  leafOf: Uint16Array,
  split: (node: number, from: number, to: number) => number,
): void {
  const { feature, left, right } = tree;
  if (feature.length === 0) {
    for (let q = 0; q < count; q++) leafOf[rows[q]] = 0;
    return;
  }
  // Pending nodes with their row ranges: at most one per node, plus the root.
  const stack = new Int32Array(3 * (feature.length + 1));
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
    const mid = from + split(node, from, to);
    stack[top++] = left[node];
    stack[top++] = from;
    stack[top++] = mid;
    stack[top++] = right[node];
    stack[top++] = mid;
    stack[top++] = to;
  }
}

/**
 * Writes the leaf of each row `rows[0..count)` of x into `leafOf[row]`: the same comparisons as
 * addTreeScores (x <= threshold goes left, NaN to the default side), node by node over the rows rather
 * than row by row down the tree, so each node reads one column in ascending row order without a
 * branch per row. `rows` is reordered (stably grouped by leaf); `tmp` is scratch at least as long.
 */
export function routeRows(
  tree: Tree,
  x: Dataset,
  rows: Uint32Array,
  count: number,
  tmp: Uint32Array,
  leafOf: Uint16Array,
): void {
  const { feature, threshold, defaultLeft } = tree;
  const cols = x.columns;
  routeByNode(tree, rows, count, leafOf, (node, from, to) => {
    const col = cols[feature[node]];
    const thr = threshold[node];
    const dl = defaultLeft[node];
    let l = from;
    let t = 0;
    for (let q = from; q < to; q++) {
      const r = rows[q];
      const v = col[r];
      const go = (v <= thr ? 1 : 0) | ((Number.isNaN(v) ? 1 : 0) & dl);
      rows[l] = r;
      tmp[t] = r;
      l += go;
      t += 1 - go;
    }
    rows.set(tmp.subarray(0, t), l);
    return l - from;
  });
}

/** Plain-array form of a tree for JSON. */
export interface TreeJson {
  feature: number[];
  threshold: number[];
  defaultLeft: number[];
  left: number[];
  right: number[];
  gain: number[];
  leafValue: number[];
}

/** Converts a tree to plain number arrays. */
export function treeToJson(t: Tree): TreeJson {
  return {
    feature: Array.from(t.feature),
    threshold: Array.from(t.threshold),
    defaultLeft: Array.from(t.defaultLeft),
    left: Array.from(t.left),
    right: Array.from(t.right),
    gain: Array.from(t.gain),
    leafValue: Array.from(t.leafValue),
  };
}

/** Converts validated plain arrays back to a tree. */
export function treeFromJson(j: TreeJson): Tree {
  return {
    feature: Int32Array.from(j.feature),
    threshold: Float64Array.from(j.threshold),
    defaultLeft: Uint8Array.from(j.defaultLeft),
    left: Int32Array.from(j.left),
    right: Int32Array.from(j.right),
    gain: Float64Array.from(j.gain),
    leafValue: Float64Array.from(j.leafValue),
  };
}
