import { divide, ratioMinusOne, scale } from './column-ops.js';
import type { FeatureName } from './feature-names.js';
import type { IndicatorSet } from './indicator-set.js';
import { rollingStd } from './rolling-std.js';
import { sma } from './sma.js';

type Spec = (ind: IndicatorSet) => Float64Array;

// Relative band width under which Bollinger bands count as collapsed (flat prices): %b is then 0.5.
export const FLAT_WIDTH = 1e-12;

function bbPctB(ind: IndicatorSet): Float64Array {
  const { upper, middle, lower } = ind.bollinger();
  const c = ind.bars.close;
  const out = new Float64Array(c.length);
  for (let i = 0; i < c.length; i++) {
    const w = upper[i] - lower[i];
    out[i] = w > FLAT_WIDTH * Math.abs(middle[i]) ? (c[i] - lower[i]) / w : Number.isNaN(w) ? w : 0.5;
  }
  return out;
}

function bbWidth(ind: IndicatorSet): Float64Array {
  const { upper, middle, lower } = ind.bollinger();
  const out = new Float64Array(middle.length);
  for (let i = 0; i < out.length; i++) out[i] = (upper[i] - lower[i]) / middle[i];
  return out;
}

// Signed volume of the last 20 bars over their total volume, in [−1, 1]; first at index 20.
function obvFlow20(ind: IndicatorSet): Float64Array {
  const o = ind.obv();
  const volSum = sma(ind.bars.volume, 20);
  const out = new Float64Array(o.length).fill(Number.NaN);
  for (let i = 20; i < o.length; i++) {
    const total = volSum[i] * 20;
    out[i] = total > 0 ? (o[i] - o[i - 20]) / total : 0;
  }
  return out;
}

// z-score of ln(1+volume) against its last 20 values (current bar included, population std); first at 19.
// Math.log(1 + v) rather than log1p: volumes are counts (0 or >= 1), where both agree, and log is ~3x faster.
function volumeZ20(ind: IndicatorSet): Float64Array {
  const v = ind.bars.volume;
  const lv = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) lv[i] = Math.log(1 + v[i]);
  const mean = sma(lv, 20);
  const sd = rollingStd(lv, 20, 0);
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    out[i] = sd[i] > FLAT_WIDTH ? (lv[i] - mean[i]) / sd[i] : Number.isNaN(sd[i]) ? sd[i] : 0;
  }
  return out;
}

function hlRange(ind: IndicatorSet): Float64Array {
  const { high, low, close } = ind.bars;
  const out = new Float64Array(close.length);
  for (let i = 0; i < close.length; i++) out[i] = (high[i] - low[i]) / close[i];
  return out;
}

/**
 * How each feature is computed; the trailing comment is the first defined row (0-based) for clean input.
 * vwap: rolling window w → w−1 (19 by default), session → 0.
 */
export const FEATURE_SPECS: Record<FeatureName, Spec> = {
  close_sma20: (ind) => ratioMinusOne(ind.bars.close, ind.sma(20)), // 19
  close_sma50: (ind) => ratioMinusOne(ind.bars.close, ind.sma(50)), // 49
  sma20_sma50: (ind) => ratioMinusOne(ind.sma(20), ind.sma(50)), // 49
  ema12_ema26: (ind) => ratioMinusOne(ind.ema(12), ind.ema(26)), // 25
  rsi14: (ind) => scale(ind.rsi(14), 0.01), // 14
  atr14_close: (ind) => divide(ind.atr(14), ind.bars.close), // 14
  close_vwap: (ind) => ratioMinusOne(ind.bars.close, ind.vwap()), // 19 rolling / 0 session
  bb_pctb: bbPctB, // 19
  bb_width: bbWidth, // 19
  macd_close: (ind) => divide(ind.macd().line, ind.bars.close), // 25
  macd_signal_close: (ind) => divide(ind.macd().signal, ind.bars.close), // 33
  macd_hist_close: (ind) => divide(ind.macd().hist, ind.bars.close), // 33
  adx14: (ind) => scale(ind.adx(14).adx, 0.01), // 27
  plus_di14: (ind) => scale(ind.adx(14).plusDi, 0.01), // 14
  minus_di14: (ind) => scale(ind.adx(14).minusDi, 0.01), // 14
  obv_flow20: obvFlow20, // 20
  ret_1: (ind) => ind.logReturn(1), // 1
  ret_5: (ind) => ind.logReturn(5), // 5
  ret_20: (ind) => ind.logReturn(20), // 20
  vol_20: (ind) => ind.volatility(20), // 20
  vol_60: (ind) => ind.volatility(60), // 60
  volume_z20: volumeZ20, // 19
  hl_range: hlRange, // 0
  co_return: (ind) => ratioMinusOne(ind.bars.close, ind.bars.open), // 0
};
