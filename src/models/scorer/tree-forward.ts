import { softmaxTemperatureInto } from './softmax-temperature.js';
import type { TreeScorerJson } from './tree-scorer-json.js';

/** Writes the probabilities of row `src[srcOff..srcOff+d)` into `dst[dstOff..dstOff+K)`. */
export type RowForward = (src: Float64Array, srcOff: number, dst: Float64Array, dstOff: number) => void;

/**
 * Compiles a tree ensemble into one allocation-free row function. All trees are concatenated into
 * shared typed arrays; the traversal and summation order match GbdtModel.predictRaw exactly, so the
 * raw scores are bit-identical.
 */
export function compileTreeForward(spec: TreeScorerJson): RowForward {
  const K = spec.classes.length;
  const T = spec.trees.length;
  const nodeOff = new Int32Array(T);
  const leafOff = new Int32Array(T);
  const numNodes = new Int32Array(T);
  let nodes = 0;
  let leaves = 0;
  spec.trees.forEach((t, i) => {
    nodeOff[i] = nodes;
    leafOff[i] = leaves;
    numNodes[i] = t.feature.length;
    nodes += t.feature.length;
    leaves += t.leafValue.length;
  });
  const feature = new Int32Array(nodes);
  const threshold = new Float64Array(nodes);
  const defaultLeft = new Uint8Array(nodes);
  const left = new Int32Array(nodes);
  const right = new Int32Array(nodes);
  const leafValue = new Float64Array(leaves);
  spec.trees.forEach((t, i) => {
    feature.set(t.feature, nodeOff[i]);
    threshold.set(t.threshold, nodeOff[i]);
    defaultLeft.set(t.defaultLeft, nodeOff[i]);
    left.set(t.left, nodeOff[i]);
    right.set(t.right, nodeOff[i]);
    leafValue.set(t.leafValue, leafOff[i]);
  });
  const initScore = Float64Array.from(spec.initScore);
  const invT = 1 / spec.temperature;
  const scores = new Float64Array(K);

  return (src, srcOff, dst, dstOff) => {
    scores.set(initScore);
    for (let t = 0, cls = 0; t < T; t++) {
      const base = nodeOff[t];
      // A tree without nodes is a single leaf: start "at" leaf ~(-1) = 0.
      let node = numNodes[t] > 0 ? 0 : -1;
      while (node >= 0) {
        const g = base + node;
        const v = src[srcOff + feature[g]];
        node = v <= threshold[g] || (Number.isNaN(v) && defaultLeft[g] === 1) ? left[g] : right[g];
      }
      scores[cls] += leafValue[leafOff[t] + ~node];
      cls = cls + 1 === K ? 0 : cls + 1;
    }
    softmaxTemperatureInto(scores, 0, K, invT, dst, dstOff);
  };
}
