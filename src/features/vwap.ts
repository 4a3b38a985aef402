import { assertPeriod, nanArray, RECOMPUTE_EVERY } from './kernel-utils.js';
import { sessionKeys } from './session-keys.js';

/**
 * Rolling VWAP for daily bars: Σ(tp·v)/Σv over the last n bars with typical price tp = (h+l+c)/3; first value at
 * n−1. A window with zero total volume falls back to the current bar's typical price.
 */
export function rollingVwap(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  n = 20,
): Float64Array {
  assertPeriod('rollingVwap', n);
  const len = close.length;
  const out = nanArray(len, n - 1);
  let pv = 0;
  let v = 0;
  for (let i = 0; i < len; i++) {
    if (i >= n && i % RECOMPUTE_EVERY === 0) {
      pv = 0;
      v = 0;
      for (let j = i - n + 1; j <= i; j++) {
        pv += ((high[j] + low[j] + close[j]) / 3) * volume[j];
        v += volume[j];
      }
    } else {
      pv += ((high[i] + low[i] + close[i]) / 3) * volume[i];
      v += volume[i];
      if (i >= n) {
        const j = i - n;
        pv -= ((high[j] + low[j] + close[j]) / 3) * volume[j];
        v -= volume[j];
      }
    }
    if (i >= n - 1) out[i] = v > 0 ? pv / v : (high[i] + low[i] + close[i]) / 3;
  }
  return out;
}

/**
 * Session-anchored VWAP for intraday bars: cumulative Σ(tp·v)/Σv since the first bar of the bar's
 * exchange-local date (from ts and the IANA timezone `tz`), resetting at each new date; defined from bar 0.
 * While the session has zero volume so far it falls back to the current bar's typical price.
 */
export function sessionVwap(
  ts: Float64Array,
  tz: string,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
): Float64Array {
  const len = close.length;
  const out = new Float64Array(len);
  const keys = sessionKeys(ts, tz);
  let pv = 0;
  let v = 0;
  for (let i = 0; i < len; i++) {
    if (i === 0 || keys[i] !== keys[i - 1]) {
      pv = 0;
      v = 0;
    }
    const tp = (high[i] + low[i] + close[i]) / 3;
    pv += tp * volume[i];
    v += volume[i];
    out[i] = v > 0 ? pv / v : tp;
  }
  return out;
}
