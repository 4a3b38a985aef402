import { assertPeriod, isTaZero, nanArray } from './kernel-utils.js';

/**
 * Wilder's RSI exactly as TA-Lib (no unstable period): the first average gain/loss is the simple mean of the
 * first n changes, so the first value is at index n; then avg = (avg·(n−1) + change)/n. When average gain and
 * loss are both (TA-)zero the value is 0, as in TA-Lib.
 */
export function rsi(close: Float64Array, n = 14): Float64Array {
  assertPeriod('rsi', n);
  const len = close.length;
  const out = nanArray(len, n);
  if (len <= n) return out;
  let gain = 0;
  let loss = 0;
  for (let i = 1; i <= n; i++) {
    const d = close[i] - close[i - 1];
    if (d < 0) loss -= d;
    else gain += d;
  }
  gain /= n;
  loss /= n;
  out[n] = rsiValue(gain, loss);
  for (let i = n + 1; i < len; i++) {
    const d = close[i] - close[i - 1];
    gain *= n - 1;
    loss *= n - 1;
    if (d < 0) loss -= d;
    else gain += d;
    gain /= n;
    loss /= n;
    out[i] = rsiValue(gain, loss);
  }
  return out;
}

/** RSI from average gain and loss (0 when both are TA-zero). */
export function rsiValue(gain: number, loss: number): number {
  const total = gain + loss;
  return isTaZero(total) ? 0 : 100 * (gain / total);
}
