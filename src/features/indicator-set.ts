import type { BarSeries } from '../data/index.js';
import { type AdxResult, adx } from './adx.js';
import { atr } from './atr.js';
import { type BollingerBands, bandsAround } from './bollinger.js';
import { ema } from './ema.js';
import { type MacdResult, macdFromEmas } from './macd.js';
import { obv } from './obv.js';
import { logReturn } from './returns.js';
import { rollingStd } from './rolling-std.js';
import { rsi } from './rsi.js';
import { sma } from './sma.js';
import type { VwapMode } from './types.js';
import { rollingVwap, sessionVwap } from './vwap.js';

/** Lazily computed, memoised indicators of one series, so a feature subset computes only what it needs. */
export interface IndicatorSet {
  readonly bars: BarSeries;
  sma(n: number): Float64Array;
  ema(n: number): Float64Array;
  rsi(n: number): Float64Array;
  atr(n: number): Float64Array;
  adx(n: number): AdxResult;
  vwap(): Float64Array;
  bollinger(): BollingerBands;
  macd(): MacdResult;
  obv(): Float64Array;
  logReturn(k: number): Float64Array;
  volatility(n: number): Float64Array;
}

/** Creates the memoised indicator set of `bars` with the given VWAP anchoring. */
export function createIndicatorSet(bars: BarSeries, vwapMode: VwapMode, vwapWindow = 20): IndicatorSet {
  const memo = new Map<string, unknown>();
  const cached = <T>(key: string, f: () => T): T => {
    if (!memo.has(key)) memo.set(key, f());
    return memo.get(key) as T;
  };
  const { ts, tz, high: h, low: l, close: c, volume: v } = bars;
  const set: IndicatorSet = {
    bars,
    sma: (n) => cached(`sma${n}`, () => sma(c, n)),
    ema: (n) => cached(`ema${n}`, () => ema(c, n)),
    rsi: (n) => cached(`rsi${n}`, () => rsi(c, n)),
    atr: (n) => cached(`atr${n}`, () => atr(h, l, c, n)),
    adx: (n) => cached(`adx${n}`, () => adx(h, l, c, n)),
    vwap: () =>
      cached('vwap', () =>
        vwapMode === 'session' ? sessionVwap(ts, tz, h, l, c, v) : rollingVwap(h, l, c, v, vwapWindow),
      ),
    // Composed from the memoised parts so shared SMAs, EMAs and returns are computed once per series;
    // the results are bit-identical to bollinger(), macd() and rollingVolatility().
    bollinger: () => cached('bb', () => bandsAround(set.sma(20), rollingStd(c, 20, 0), 2)),
    macd: () => cached('macd', () => macdFromEmas(set.ema(12), set.ema(26), 9)),
    obv: () => cached('obv', () => obv(c, v)),
    logReturn: (k) => cached(`ret${k}`, () => logReturn(c, k)),
    volatility: (n) => cached(`vol${n}`, () => rollingStd(set.logReturn(1), n, 1)),
  };
  return set;
}
