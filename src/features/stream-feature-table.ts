import type { BarSeries } from '../data/index.js';
import { FeatureStream } from './feature-stream.js';
import { BAR, BAR_FIELDS } from './streaming-indicator.js';
import type { FeatureOptions, FeatureTable } from './types.js';
import { resolveVwapMode } from './vwap-mode.js';

/**
 * Runs a FeatureStream over a whole series bar by bar and collects its rows into a FeatureTable, which
 * equals `buildFeatureTable(bars, opts)` (firstValid = the first row whose warm-up flag is false). With
 * neither opts.vwapMode nor opts.frequency the VWAP mode is inferred from the series' bar spacing, as the
 * batch does. For replays, warm starts and parity checks; a live engine pushes bars itself.
 * @inferenceSafe causal per-series recursions and windows only.
 */
export function streamFeatureTable(bars: BarSeries, opts: FeatureOptions = {}): FeatureTable {
  const known = opts.vwapMode !== undefined || opts.frequency !== undefined;
  const stream = new FeatureStream({
    ...opts,
    tz: bars.tz,
    vwapMode: known ? opts.vwapMode : resolveVwapMode(bars.ts, opts),
  });
  const rows = bars.ts.length;
  const width = stream.names.length;
  const columns = Array.from({ length: width }, () => new Float64Array(rows));
  const row = new Float64Array(width);
  const bar = new Float64Array(BAR_FIELDS.length);
  const { ts, open, high, low, close, volume } = bars;
  let firstValid = rows;
  for (let i = 0; i < rows; i++) {
    bar[BAR.ts] = ts[i];
    bar[BAR.open] = open[i];
    bar[BAR.high] = high[i];
    bar[BAR.low] = low[i];
    bar[BAR.close] = close[i];
    bar[BAR.volume] = volume[i];
    const warm = stream.pushBar(bar, row);
    if (!warm && firstValid === rows) firstValid = i;
    for (let j = 0; j < width; j++) columns[j][i] = row[j];
  }
  return { symbol: bars.symbol, ts: ts.slice(), names: [...stream.names], columns, firstValid };
}
