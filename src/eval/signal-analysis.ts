import type { SignalRows } from './date-groups.js';
import { type IcPerDate, icPerDate } from './ic-per-date.js';
import { type QuantileReturns, quantileReturns } from './quantile-returns.js';

/** Qlib-style signal analysis of a score: information coefficients and quantile returns. */
export interface SignalAnalysis {
  ic: IcPerDate;
  quantiles: QuantileReturns;
  /** Rows with a finite score and forward return. */
  rows: number;
}

/** The headline numbers of a signal analysis (what the validation metrics record). */
export interface SignalSummary {
  rows: number;
  dates: number;
  ic_mean: number | null;
  ic_ir: number | null;
  rank_ic_mean: number | null;
  rank_ic_ir: number | null;
  quantiles: number;
  /** Mean forward return of each quantile, lowest scores first. */
  quantile_returns: (number | null)[];
  /** Mean of (top quantile − bottom quantile) per date. */
  long_short: number | null;
}

/**
 * IC, rank IC (per date, mean, IR, cumulative) and quantile returns with the long–short spread.
 * @example signalAnalysis({ ts, score: pLong.map((p, i) => p - pShort[i]), forwardReturn })
 */
export function signalAnalysis(rows: SignalRows, quantiles = 5): SignalAnalysis {
  let valid = 0;
  for (let i = 0; i < rows.ts.length; i++)
    if (Number.isFinite(rows.score[i]) && Number.isFinite(rows.forwardReturn[i])) valid++;
  return { ic: icPerDate(rows), quantiles: quantileReturns(rows, quantiles), rows: valid };
}

/** The summary of a signal analysis; undefined statistics are null (JSON-safe). */
export function signalSummary(a: SignalAnalysis): SignalSummary {
  const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
  return {
    rows: a.rows,
    dates: a.ic.dates.length,
    ic_mean: num(a.ic.icMean),
    ic_ir: num(a.ic.icIr),
    rank_ic_mean: num(a.ic.rankIcMean),
    rank_ic_ir: num(a.ic.rankIcIr),
    quantiles: a.quantiles.quantiles,
    quantile_returns: Array.from(a.quantiles.meanByQuantile, num),
    long_short: num(a.quantiles.longShortMean),
  };
}
