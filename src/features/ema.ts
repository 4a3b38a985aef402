import { assertPeriod, firstDefined, nanArray } from './kernel-utils.js';

/**
 * Exponential moving average, TA-Lib convention: α = 2/(n+1), seeded at index s+n−1 with the SMA of the
 * first n values (s = first non-NaN input, so an EMA of an indicator seeds when that indicator is defined).
 */
export function ema(x: Float64Array, n: number): Float64Array {
  assertPeriod('ema', n);
  const len = x.length;
  const s = firstDefined(x);
  const out = nanArray(len, s < 0 ? len : s + n - 1);
  if (s < 0 || s + n > len) return out;
  let prev = 0;
  for (let i = s; i < s + n; i++) prev += x[i];
  prev /= n;
  out[s + n - 1] = prev;
  const k = 2 / (n + 1);
  for (let i = s + n; i < len; i++) {
    // Same operation order as TA-Lib's TA_INT_EMA: ((x − prev) · k) + prev.
    prev = (x[i] - prev) * k + prev;
    out[i] = prev;
  }
  return out;
}
