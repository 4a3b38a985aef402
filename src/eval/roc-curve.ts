import { ConfigError } from '../core/index.js';
import { splitSorted } from './split-sorted.js';

/** One ROC point: rows with score ≥ threshold are called positive. */
export interface RocPoint {
  fpr: number;
  tpr: number;
  threshold: number;
}

/** Options of rocCurve. */
export interface RocCurveOptions {
  /** Keep at most this many points (≥ 2), always including both ends. */
  maxPoints?: number;
}

/**
 * ROC curve from (0,0) to (1,1), one point per distinct score (ties collapse into one point).
 * The first point has threshold +Infinity (as scikit-learn; JSON.stringify writes it as null).
 * Empty when there are no positives or no negatives, since then fpr or tpr is 0/0.
 */
export function rocCurve(
  scores: Float64Array,
  positives: ArrayLike<number>,
  opts: RocCurveOptions = {},
): RocPoint[] {
  const { maxPoints } = opts;
  if (maxPoints !== undefined && (!Number.isInteger(maxPoints) || maxPoints < 2)) {
    throw new ConfigError('invalid ROC options', [
      { path: 'maxPoints', message: 'must be an integer ≥ 2', value: maxPoints },
    ]);
  }
  const { pos, neg } = splitSorted(scores, positives);
  const P = pos.length;
  const N = neg.length;
  if (P === 0 || N === 0) return [];
  // Points are kept in typed arrays and only the kept ones become objects (≤ maxPoints).
  const fpr = new Float64Array(P + N + 1);
  const tpr = new Float64Array(P + N + 1);
  const thr = new Float64Array(P + N + 1);
  thr[0] = Number.POSITIVE_INFINITY;
  let m = 1;
  let i = P - 1;
  let j = N - 1;
  // Walk both ascending lists from the top. Lowering the threshold past s flips every row tied
  // at s at once, so each distinct score yields exactly one point.
  while (i >= 0 || j >= 0) {
    const s = j < 0 || (i >= 0 && pos[i] >= neg[j]) ? pos[i] : neg[j];
    while (i >= 0 && pos[i] === s) i--;
    while (j >= 0 && neg[j] === s) j--;
    fpr[m] = (N - 1 - j) / N;
    tpr[m] = (P - 1 - i) / P;
    thr[m] = s;
    m++;
  }
  const k = maxPoints !== undefined && m > maxPoints ? maxPoints : m;
  const out: RocPoint[] = new Array(k);
  for (let q = 0; q < k; q++) {
    // Evenly spaced by index: keeps both ends and the order; indices are distinct when m > k.
    const idx = k === m ? q : Math.round((q * (m - 1)) / (k - 1));
    out[q] = { fpr: fpr[idx], tpr: tpr[idx], threshold: thr[idx] };
  }
  return out;
}
