import { ConfigError } from '../core/index.js';
import type { FeatureOptions, VwapMode } from './types.js';

// Bars closer than this (median spacing) are intraday: daily bars are >= 24 h apart.
const INTRADAY_SPACING_MS = 20 * 3_600_000;
const SPACING_SAMPLE = 64;

/**
 * The VWAP mode to use: opts.vwapMode, else session for intraday and rolling for daily bars, where the
 * frequency is opts.frequency or the median spacing of the first bars (a per-series setting, not a row value).
 * Throws ConfigError on a mode other than 'rolling' or 'session' (options may come from YAML or flags).
 */
export function resolveVwapMode(ts: Float64Array, opts: FeatureOptions = {}): VwapMode {
  const mode = opts.vwapMode;
  if (mode !== undefined) {
    if (mode === 'rolling' || mode === 'session') return mode;
    throw new ConfigError('invalid VWAP mode', [
      { path: 'vwapMode', message: "must be 'rolling' or 'session'", value: mode },
    ]);
  }
  if (opts.frequency !== undefined)
    return opts.frequency === '1d' || opts.frequency === '1wk' ? 'rolling' : 'session';
  const m = Math.min(ts.length - 1, SPACING_SAMPLE);
  if (m < 1) return 'rolling';
  const gaps = new Float64Array(m);
  for (let i = 0; i < m; i++) gaps[i] = ts[i + 1] - ts[i];
  gaps.sort();
  return gaps[m >> 1] < INTRADAY_SPACING_MS ? 'session' : 'rolling';
}
