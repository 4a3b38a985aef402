import { assertPeriod, nanArray } from './kernel-utils.js';

/** True range max(h−l, |h−c₋₁|, |l−c₋₁|) from index 1 (index 0 has no previous close, as TA_TRANGE). */
export function trueRange(high: Float64Array, low: Float64Array, close: Float64Array): Float64Array {
  const len = close.length;
  const out = nanArray(len, 1);
  for (let i = 1; i < len; i++) out[i] = trueRangeAt(high[i], low[i], close[i - 1]);
  return out;
}

/** One true-range value from today's high/low and yesterday's close. */
export function trueRangeAt(h: number, l: number, prevClose: number): number {
  let tr = h - l;
  const up = Math.abs(h - prevClose);
  if (up > tr) tr = up;
  const down = Math.abs(l - prevClose);
  if (down > tr) tr = down;
  return tr;
}

/**
 * Average true range as TA-Lib: the first value (index n) is the mean of TR[1..n], then Wilder smoothing
 * atr = (atr·(n−1) + TR)/n.
 */
export function atr(high: Float64Array, low: Float64Array, close: Float64Array, n = 14): Float64Array {
  assertPeriod('atr', n);
  const len = close.length;
  const out = nanArray(len, n);
  if (len <= n) return out;
  let prev = 0;
  for (let i = 1; i <= n; i++) prev += trueRangeAt(high[i], low[i], close[i - 1]);
  prev /= n;
  out[n] = prev;
  for (let i = n + 1; i < len; i++) {
    prev = (prev * (n - 1) + trueRangeAt(high[i], low[i], close[i - 1])) / n;
    out[i] = prev;
  }
  return out;
}
