import type { Frequency } from '../data/index.js';

/**
 * Feature table of one symbol: named Float64Array columns aligned with the bars' `ts`.
 * Rows before `firstValid` are warm-up rows (some column not yet defined, stored as NaN); they are
 * excluded downstream and never back-filled.
 */
export interface FeatureTable {
  symbol: string;
  ts: Float64Array;
  /** Column order is stable and part of the model's contract. */
  names: string[];
  columns: Float64Array[];
  /** Index of the first row where every column is defined (the row count when there is none). */
  firstValid: number;
}

/** How VWAP is anchored: a rolling window (daily bars) or the exchange-local session (intraday bars). */
export type VwapMode = 'rolling' | 'session';

/** Options of the feature builders; every field is optional. */
export interface FeatureOptions {
  /** Default: 'rolling' for daily bars, 'session' for intraday bars. */
  vwapMode?: VwapMode;
  /** Bar frequency, used to pick the default vwapMode; inferred from the bar spacing when absent. */
  frequency?: Frequency;
  /** Window of the rolling VWAP in bars (default 20). */
  vwapWindow?: number;
  /** Subset of FEATURE_NAMES to compute, in the order given (default: all, in FEATURE_NAMES order). */
  features?: readonly string[];
}
