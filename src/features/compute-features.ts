import type { Params } from '../config/index.js';
import type { BarSeries } from '../data/index.js';
import { buildFeatureTable } from './build-feature-table.js';
import type { FeatureTable } from './types.js';

/** Feature options implied by params (VWAP mode follows the bar frequency unless set). */
export function featureOptions(params: Params) {
  const vwapMode =
    params.features.vwap_mode === 'auto'
      ? params.data.frequency === '1d'
        ? 'rolling'
        : 'session'
      : params.features.vwap_mode;
  return { vwapMode, features: params.features.list.length > 0 ? params.features.list : undefined } as const;
}

/** Stage core of `features`: one causal feature table per symbol (pure; the feature store writes it). */
export function computeFeatures(params: Params, series: BarSeries[]): FeatureTable[] {
  const opts = featureOptions(params);
  return series.map((bars) => buildFeatureTable(bars, opts));
}
