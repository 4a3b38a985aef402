import { ConfigError } from '../core/index.js';
import { splitSorted } from './split-sorted.js';

/** One precision–recall point: rows with score ≥ threshold are called positive. */
export interface PrPoint {
  recall: number;
  precision: number;
  threshold: number;
}

/** A precision–recall curve and its average precision. */
export interface PrCurve {
  points: PrPoint[];
  /** Σₙ (Rₙ − Rₙ₋₁)·Pₙ over every distinct threshold (scikit-learn's average_precision_score); NaN without positives. */
  averagePrecision: number;
}

/**
 * Precision–recall curve, one point per distinct score from the highest threshold down (ties collapse
 * into one point), starting at (recall 0, precision 1) with threshold +Infinity as scikit-learn does.
 * Average precision is computed on every point before `maxPoints` thins the curve (evenly by index,
 * keeping both ends). Empty, with NaN average precision, when there are no positives.
 */
export function precisionRecallCurve(
  scores: Float64Array,
  positives: ArrayLike<number>,
  opts: { maxPoints?: number } = {},
): PrCurve {
  const { maxPoints } = opts;
  if (maxPoints !== undefined && (!Number.isInteger(maxPoints) || maxPoints < 2)) {
    throw new ConfigError('invalid precision-recall options', [
      { path: 'maxPoints', message: 'must be an integer ≥ 2', value: maxPoints },
    ]);
  }
  const { pos, neg } = splitSorted(scores, positives);
  const P = pos.length;
  const N = neg.length;
  if (P === 0) return { points: [], averagePrecision: Number.NaN };
  const recall = new Float64Array(P + N + 1);
  const precision = new Float64Array(P + N + 1);
  const thr = new Float64Array(P + N + 1);
  precision[0] = 1;
  thr[0] = Number.POSITIVE_INFINITY;
  let m = 1;
  let i = P - 1;
  let j = N - 1;
  let ap = 0;
  while (i >= 0 || j >= 0) {
    const s = j < 0 || (i >= 0 && pos[i] >= neg[j]) ? pos[i] : neg[j];
    while (i >= 0 && pos[i] === s) i--;
    while (j >= 0 && neg[j] === s) j--;
    const tp = P - 1 - i;
    const fp = N - 1 - j;
    recall[m] = tp / P;
    precision[m] = tp / (tp + fp);
    thr[m] = s;
    ap += (recall[m] - recall[m - 1]) * precision[m];
    m++;
  }
  const k = maxPoints !== undefined && m > maxPoints ? maxPoints : m;
  const points: PrPoint[] = new Array(k);
  for (let q = 0; q < k; q++) {
    const idx = k === m ? q : Math.round((q * (m - 1)) / (k - 1));
    points[q] = { recall: recall[idx], precision: precision[idx], threshold: thr[idx] };
  }
  return { points, averagePrecision: ap };
}
