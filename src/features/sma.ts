import { assertPeriod, firstDefined, nanArray, RECOMPUTE_EVERY } from './kernel-utils.js';

/**
 * Simple moving average over the last n values; defined from index s+n−1 where s is the first non-NaN input.
 * O(n) running sum, periodically recomputed to bound floating-point drift.
 */
export function sma(x: Float64Array, n: number): Float64Array {
  assertPeriod('sma', n);
  const len = x.length;
  const s = firstDefined(x);
  const out = nanArray(len, s < 0 ? len : s + n - 1);
  if (s < 0 || s + n > len) return out;
  let sum = 0;
  for (let i = s; i < s + n; i++) sum += x[i];
  out[s + n - 1] = sum / n;
  for (let i = s + n; i < len; i++) {
    if ((i - s) % RECOMPUTE_EVERY === 0) {
      sum = 0;
      for (let j = i - n + 1; j <= i; j++) sum += x[j];
    } else {
      sum += x[i] - x[i - n];
    }
    out[i] = sum / n;
  }
  return out;
}
