import { ConfigError } from '../core/index.js';
import { type FeatureName, resolveFeatureSelection } from './feature-names.js';
import type { FeatureOptions, VwapMode } from './types.js';
import { resolveVwapMode } from './vwap-mode.js';

/** Options of a FeatureStream: the batch builder's FeatureOptions plus the exchange timezone. */
export interface FeatureStreamOptions extends FeatureOptions {
  /** IANA timezone of the exchange (BarSeries.tz), used by the session VWAP's session keys. */
  tz: string;
}

/** A stream's validated settings: the selected features and the VWAP anchoring (null without close_vwap). */
export interface ResolvedStreamOptions {
  names: FeatureName[];
  vwapMode: VwapMode | null;
}

const EMPTY = new Float64Array(0);

/** Slot of each feature in a stream's contract-order scratch row (FEATURE_NAMES order; parity tests pin it). */
export const FEATURE_SLOT = {
  close_sma20: 0,
  close_sma50: 1,
  sma20_sma50: 2,
  ema12_ema26: 3,
  rsi14: 4,
  atr14_close: 5,
  close_vwap: 6,
  bb_pctb: 7,
  bb_width: 8,
  macd_close: 9,
  macd_signal_close: 10,
  macd_hist_close: 11,
  adx14: 12,
  plus_di14: 13,
  minus_di14: 14,
  obv_flow20: 15,
  ret_1: 16,
  ret_5: 17,
  ret_20: 18,
  vol_20: 19,
  vol_60: 20,
  volume_z20: 21,
  hl_range: 22,
  co_return: 23,
} as const satisfies Record<FeatureName, number>;

/**
 * Validates stream options in the batch builder's order and with its errors (feature selection, then VWAP
 * mode). The batch may infer the VWAP mode from the spacing of a series' first bars; a stream sees one bar
 * at a time, so with close_vwap selected it needs `vwapMode` or `frequency` (the pipeline passes
 * params.features.vwap_mode / params.data.frequency) and throws a ConfigError without them.
 */
export function resolveStreamOptions(opts: FeatureStreamOptions): ResolvedStreamOptions {
  const sel = resolveFeatureSelection(opts.features);
  if (!sel.ok) throw new ConfigError('invalid feature selection', sel.issues);
  const known = opts.vwapMode !== undefined || opts.frequency !== undefined;
  // With either option set resolveVwapMode never looks at the (empty) timestamps; it only validates.
  const mode = known ? resolveVwapMode(EMPTY, opts) : null;
  const needsVwap = sel.value.includes('close_vwap');
  if (needsVwap && mode === null) {
    throw new ConfigError('streaming features need the VWAP mode', [
      {
        path: 'frequency',
        message: 'a stream cannot infer the bar frequency from the spacing of bars it has not seen',
        fix: "pass frequency ('1d' or '5m') or vwapMode ('rolling' or 'session')",
      },
    ]);
  }
  return { names: sel.value, vwapMode: needsVwap ? mode : null };
}
