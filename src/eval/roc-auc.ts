import type { LabelArray } from './types.js';
import { splitSorted } from './split-sorted.js';
import { assertLabelsAndProba } from './validate-inputs.js';

/**
 * Binary ROC AUC by the Mann–Whitney rank formula, tied scores sharing their average rank:
 * AUC = (R₊ − P(P+1)/2) / (P·N), R₊ the rank sum of the positives. NaN when P = 0 or N = 0.
 * `positives[i]` non-zero marks row i as positive. O(n log n).
 */
export function rocAuc(scores: Float64Array, positives: ArrayLike<number>): number {
  const { pos, neg } = splitSorted(scores, positives);
  const P = pos.length;
  const N = neg.length;
  if (P === 0 || N === 0) return Number.NaN;
  // Merge the two ascending lists one distinct score at a time; the g rows tied at a score
  // occupy ranks r+1..r+g and each gets their mean r + (g+1)/2.
  let rankSumPos = 0;
  let r = 0;
  let i = 0;
  let j = 0;
  while (i < P || j < N) {
    const v = j >= N || (i < P && pos[i] <= neg[j]) ? pos[i] : neg[j];
    let gp = 0;
    let gn = 0;
    while (i < P && pos[i] === v) {
      i++;
      gp++;
    }
    while (j < N && neg[j] === v) {
      j++;
      gn++;
    }
    rankSumPos += gp * (r + (gp + gn + 1) / 2);
    r += gp + gn;
  }
  return (rankSumPos - (P * (P + 1)) / 2) / (P * N);
}

/** One-vs-rest AUC of each class k, scoring by proba[·, k]; NaN for classes without positives or negatives. */
export function ovrAuc(yTrue: LabelArray, proba: Float64Array, K: number): Float64Array {
  assertLabelsAndProba(yTrue, proba, K);
  const n = yTrue.length;
  const out = new Float64Array(K);
  const scores = new Float64Array(n);
  const positives = new Uint8Array(n);
  for (let k = 0; k < K; k++) {
    for (let i = 0; i < n; i++) {
      scores[i] = proba[i * K + k];
      positives[i] = yTrue[i] === k ? 1 : 0;
    }
    out[k] = rocAuc(scores, positives);
  }
  return out;
}
