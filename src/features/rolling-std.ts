import { assertPeriod, firstDefined, nanArray } from './kernel-utils.js';

/**
 * Re-anchor interval: the shift K is reset to a recent value (and the sums recomputed exactly) this often, so
 * deviations x − K stay small even when prices trend; the schedule depends only on the row index (causal).
 */
export const REANCHOR_EVERY = 256;

/**
 * Rolling standard deviation over the last n values (ddof 0 = population, 1 = sample), defined from index
 * s+n−1 where s is the first non-NaN input. O(1) per row with running sums of the *shifted* values x − K
 * (K = a recent input): on prices near 3000 the shifted values are small, so Σd² − (Σd)²/n does not cancel
 * catastrophically as the raw sum-of-squares formula does.
 */
export function rollingStd(x: Float64Array, n: number, ddof: 0 | 1 = 0): Float64Array {
  assertPeriod('rollingStd', n, ddof + 1);
  const len = x.length;
  const s = firstDefined(x);
  const out = nanArray(len, s < 0 ? len : s + n - 1);
  if (s < 0 || s + n > len) return out;
  const denom = n - ddof;
  let k = 0;
  let sum = 0;
  let sum2 = 0;
  for (let i = s + n - 1; i < len; i++) {
    if ((i - (s + n - 1)) % REANCHOR_EVERY === 0) {
      k = x[i];
      sum = 0;
      sum2 = 0;
      for (let j = i - n + 1; j <= i; j++) {
        const d = x[j] - k;
        sum += d;
        sum2 += d * d;
      }
    } else {
      const din = x[i] - k;
      const dout = x[i - n] - k;
      sum += din - dout;
      sum2 += din * din - dout * dout;
    }
    const m2 = sum2 - (sum * sum) / n;
    out[i] = m2 > 0 ? Math.sqrt(m2 / denom) : 0;
  }
  return out;
}
