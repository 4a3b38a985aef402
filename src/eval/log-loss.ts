import type { LabelArray } from './types.js';
import { assertLabelsAndProba } from './validate-inputs.js';

/** Probabilities are clipped to [ε, 1 − ε] so a confident miss costs −ln ε ≈ 34.5, not Infinity. */
export const LOG_LOSS_EPS = 1e-15;

/** Multiclass log loss: −mean ln p(actual class), with p clipped to [1e−15, 1 − 1e−15]. */
export function logLoss(yTrue: LabelArray, proba: Float64Array, K: number): number {
  assertLabelsAndProba(yTrue, proba, K);
  const n = yTrue.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = proba[i * K + yTrue[i]];
    total -= Math.log(Math.min(Math.max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS));
  }
  return total / n;
}
