import { DataValidationError } from '../core/index.js';

/** Scores of the positive and of the negative rows, each sorted ascending. */
export interface SplitScores {
  pos: Float64Array;
  neg: Float64Array;
}

/**
 * Splits scores by class and sorts each part. Ranking only needs the two sorted score lists, and
 * the native comparator-free typed-array sort is several times faster than sorting row indices.
 */
export function splitSorted(scores: Float64Array, positives: ArrayLike<number>): SplitScores {
  const n = scores.length;
  if (positives.length !== n) {
    throw new DataValidationError('scores and positives differ in length', [
      { path: 'positives', message: `length ${positives.length} ≠ scores length ${n}` },
    ]);
  }
  let P = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(scores[i])) {
      throw new DataValidationError('score is NaN', [{ path: `scores[${i}]`, message: 'cannot rank NaN' }]);
    }
    if (positives[i]) P++;
  }
  const pos = new Float64Array(P);
  const neg = new Float64Array(n - P);
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    if (positives[i]) pos[a++] = scores[i];
    else neg[b++] = scores[i];
  }
  pos.sort();
  neg.sort();
  return { pos, neg };
}
