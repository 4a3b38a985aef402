import { ConfigError, logger } from '../core/index.js';
import type { BarSeries } from '../data/index.js';
import { firstValidRow } from './column-ops.js';
import { type FeatureName, resolveFeatureSelection } from './feature-names.js';
import { FEATURE_SPECS } from './feature-specs.js';
import { createIndicatorSet } from './indicator-set.js';
import type { FeatureOptions, FeatureTable } from './types.js';
import { resolveVwapMode } from './vwap-mode.js';

const log = logger.child({ module: 'features' });

function selectionOrThrow(opts: FeatureOptions): FeatureName[] {
  const sel = resolveFeatureSelection(opts.features);
  if (!sel.ok) throw new ConfigError('invalid feature selection', sel.issues);
  return sel.value;
}

function buildSelected(bars: BarSeries, opts: FeatureOptions, names: FeatureName[]): FeatureTable {
  const mode = resolveVwapMode(bars.ts, opts);
  const ind = createIndicatorSet(bars, mode, opts.vwapWindow ?? 20);
  const columns = names.map((name) => FEATURE_SPECS[name](ind));
  const rows = bars.close.length;
  return {
    symbol: bars.symbol,
    ts: bars.ts.slice(),
    names: [...names],
    columns,
    firstValid: firstValidRow(columns, rows),
  };
}

/**
 * Computes the model features of one series (columns in FEATURE_NAMES order, or opts.features' order).
 * Row t uses bars 0..t only; warm-up rows are NaN and firstValid is the first row where all columns are finite.
 * Throws ConfigError on an unknown feature name, listing the valid ones.
 * @inferenceSafe uses no statistics fitted on other data: only causal per-series recursions and windows.
 */
export function buildFeatureTable(bars: BarSeries, opts: FeatureOptions = {}): FeatureTable {
  return buildSelected(bars, opts, selectionOrThrow(opts));
}

/**
 * Computes the features of many series with the same options (the selection is validated once).
 * @inferenceSafe uses no statistics fitted on other data.
 */
export function computeFeaturesForAll(
  series: readonly BarSeries[],
  opts: FeatureOptions = {},
): FeatureTable[] {
  const names = selectionOrThrow(opts);
  const t0 = performance.now();
  const tables = series.map((bars) => buildSelected(bars, opts, names));
  const rows = series.reduce((acc, b) => acc + b.close.length, 0);
  log.debug('features computed', { symbols: series.length, rows, ms: Math.round(performance.now() - t0) });
  return tables;
}
