import type { LabelArray } from './types.js';
import { assertLabelsAndProba } from './validate-inputs.js';

/**
 * Multiclass Brier score: mean over rows of Σ_k (p_k − 1[y = k])², summed over classes (not
 * divided by K), so it ranges over [0, 2]: 0 for certain and right, 2 for certain and wrong.
 */
export function brierScore(yTrue: LabelArray, proba: Float64Array, K: number): number {
  assertLabelsAndProba(yTrue, proba, K);
  const n = yTrue.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const base = i * K;
    for (let k = 0; k < K; k++) {
      const d = proba[base + k] - (yTrue[i] === k ? 1 : 0);
      total += d * d;
    }
  }
  return total / n;
}
