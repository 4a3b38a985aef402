import type { BarSeries } from '../data/index.js';
import { firstValidRow } from './column-ops.js';
import { INDICATOR_NAMES } from './feature-names.js';
import { createIndicatorSet } from './indicator-set.js';
import type { FeatureOptions, FeatureTable } from './types.js';
import { resolveVwapMode } from './vwap-mode.js';

/**
 * Raw indicator columns in INDICATOR_NAMES order (for the features.csv.gz artifact and notebooks); same
 * causal kernels as the features, in price/volume/0–100 units. opts.features is ignored.
 * @inferenceSafe uses no statistics fitted on other data.
 */
export function computeIndicators(bars: BarSeries, opts: FeatureOptions = {}): FeatureTable {
  const ind = createIndicatorSet(bars, resolveVwapMode(bars.ts, opts), opts.vwapWindow ?? 20);
  const bb = ind.bollinger();
  const m = ind.macd();
  const columns = [
    ind.sma(20),
    ind.sma(50),
    ind.ema(12),
    ind.ema(26),
    ind.rsi(14),
    ind.atr(14),
    ind.vwap(),
    bb.upper,
    bb.middle,
    bb.lower,
    m.line,
    m.signal,
    m.hist,
    ind.adx(14).adx,
    ind.obv(),
    ind.logReturn(1),
    ind.volatility(20),
  ];
  return {
    symbol: bars.symbol,
    ts: bars.ts.slice(),
    names: [...INDICATOR_NAMES],
    columns,
    firstValid: firstValidRow(columns, bars.close.length),
  };
}
