import type { Params } from '../config/index.js';
import { type BarSeries, commonFrequency, type Frequency, isDailyOrLonger } from '../data/index.js';
import { buildFeatureTable } from './build-feature-table.js';
import type { FeatureTable } from './types.js';

/**
 * Feature options implied by params. VWAP mode `auto` follows the bars' actual frequency (rolling for
 * daily/weekly, session for intraday): the declared data.frequency, or with `auto` the frequency the
 * caller measured on the bars; unknown → each series infers it from its own spacing.
 */
export function featureOptions(params: Params, actual?: Frequency | null) {
  const f = params.data.frequency === 'auto' ? (actual ?? undefined) : params.data.frequency;
  const vwapMode =
    params.features.vwap_mode === 'auto'
      ? f === undefined
        ? undefined
        : isDailyOrLonger(f)
          ? 'rolling'
          : 'session'
      : params.features.vwap_mode;
  return { vwapMode, features: params.features.list.length > 0 ? params.features.list : undefined } as const;
}

/** Stage core of `features`: one causal feature table per symbol (pure; the feature store writes it). */
export function computeFeatures(params: Params, series: BarSeries[]): FeatureTable[] {
  const opts = featureOptions(params, commonFrequency(series));
  return series.map((bars) => buildFeatureTable(bars, opts));
}
