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

/** Validates a feature selection (default: all features); unknown, duplicate or no names are issues. */
export function resolveFeatureSelection(names?: readonly string[]): Result<FeatureName[]> {
  if (names === undefined) return ok([...FEATURE_NAMES]);
  const issues: Issue[] = [];
  const valid = `valid feature names are: ${FEATURE_NAMES.join(', ')}`;
  if (names.length === 0) issues.push({ path: 'features', message: 'selects no feature', fix: valid });
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (!KNOWN.has(name)) {
      issues.push({ path: `features[${i}]`, message: 'unknown feature', value: name, fix: valid });
    } else if (seen.has(name)) {
      issues.push({ path: `features[${i}]`, message: 'duplicate feature', value: name, fix: 'list it once' });
    }
    seen.add(name);
  });
  return issues.length > 0 ? fail(issues) : ok(names as FeatureName[]);
}
