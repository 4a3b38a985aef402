import { assertPeriod, nanArray } from './kernel-utils.js';
import { rollingStd } from './rolling-std.js';

/** Log return over k bars, ln(c_t / c_{t−k}); NaN for t < k. */
export function logReturn(close: Float64Array, k = 1): Float64Array {
  assertPeriod('logReturn', k);
  const len = close.length;
  const out = nanArray(len, k);
  for (let i = k; i < len; i++) out[i] = Math.log(close[i] / close[i - k]);
  return out;
}

/** Rolling volatility: sample std (ddof 1) of the last n one-bar log returns, first at index n; not annualised. */
export function rollingVolatility(close: Float64Array, n = 20): Float64Array {
  assertPeriod('rollingVolatility', n, 2);
  return rollingStd(logReturn(close, 1), n, 1);
}
