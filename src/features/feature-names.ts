import { fail, type Issue, ok, type Result } from '../core/index.js';

/**
 * Model feature columns, in contract order (never reorder or rename; append new ones at the end).
 * All are scale-free so they are comparable across symbols.
 */
export const FEATURE_NAMES = [
  'close_sma20',
  'close_sma50',
  'sma20_sma50',
  'ema12_ema26',
  'rsi14',
  'atr14_close',
  'close_vwap',
  'bb_pctb',
  'bb_width',
  'macd_close',
  'macd_signal_close',
  'macd_hist_close',
  'adx14',
  'plus_di14',
  'minus_di14',
  'obv_flow20',
  'ret_1',
  'ret_5',
  'ret_20',
  'vol_20',
  'vol_60',
  'volume_z20',
  'hl_range',
  'co_return',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Raw indicator columns of computeIndicators (price, volume or 0–100 units), in this order. */
export const INDICATOR_NAMES = [
  'sma_20',
  'sma_50',
  'ema_12',
  'ema_26',
  'rsi_14',
  'atr_14',
  'vwap',
  'bb_upper',
  'bb_middle',
  'bb_lower',
  'macd',
  'macd_signal',
  'macd_hist',
  'adx_14',
  'obv',
  'log_return',
  'volatility_20',
] as const;
export type IndicatorName = (typeof INDICATOR_NAMES)[number];

const KNOWN = new Set<string>(FEATURE_NAMES);

/**
 * Feature families accepted in a selection (the reference's `--features rsi sma volume` style); each
 * expands to its columns, in contract order.
 */
export const FEATURE_FAMILIES: Readonly<Record<string, readonly FeatureName[]>> = {
  sma: ['close_sma20', 'close_sma50', 'sma20_sma50'],
  ema: ['ema12_ema26'],
  rsi: ['rsi14'],
  atr: ['atr14_close'],
  vwap: ['close_vwap'],
  bollinger: ['bb_pctb', 'bb_width'],
  macd: ['macd_close', 'macd_signal_close', 'macd_hist_close'],
  adx: ['adx14', 'plus_di14', 'minus_di14'],
  obv: ['obv_flow20'],
  returns: ['ret_1', 'ret_5', 'ret_20', 'co_return'],
  volatility: ['vol_20', 'vol_60', 'hl_range'],
  volume: ['volume_z20', 'obv_flow20'],
};

/**
 * Validates a feature selection (default: all features). Names are feature columns or families
 * (FEATURE_FAMILIES); unknown names, explicit duplicates or an empty list are issues.
 */
export function resolveFeatureSelection(names?: readonly string[]): Result<FeatureName[]> {
  if (names === undefined) return ok([...FEATURE_NAMES]);
  const issues: Issue[] = [];
  const valid = `valid names are the features ${FEATURE_NAMES.join(', ')} or the families ${Object.keys(FEATURE_FAMILIES).join(', ')}`;
  if (names.length === 0) issues.push({ path: 'features', message: 'selects no feature', fix: valid });
  const seen = new Set<string>();
  const out: FeatureName[] = [];
  names.forEach((name, i) => {
    const family = FEATURE_FAMILIES[name];
    if (family) {
      for (const f of family)
        if (!seen.has(f)) {
          seen.add(f);
          out.push(f);
        }
    } else if (!KNOWN.has(name)) {
      issues.push({ path: `features[${i}]`, message: 'unknown feature', value: name, fix: valid });
    } else if (seen.has(name)) {
      issues.push({ path: `features[${i}]`, message: 'duplicate feature', value: name, fix: 'list it once' });
    } else {
      seen.add(name);
      out.push(name as FeatureName);
    }
  });
  return issues.length > 0 ? fail(issues) : ok(out);
}
