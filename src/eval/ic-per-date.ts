import { pearsonCorrelation, spearmanCorrelation } from './correlation.js';
import { dateGroups, meanStdRatio, type SignalRows } from './date-groups.js';

/** Per-date information coefficients and their summary (Qlib's `calc_ic` and risk analysis). */
export interface IcPerDate {
  /** Dates with at least two valid rows, ascending. */
  dates: Float64Array;
  /** Valid rows per date. */
  names: Int32Array;
  /** Pearson correlation of score and forward return across names, per date (NaN if either is constant). */
  ic: Float64Array;
  /** Spearman (rank) correlation per date. */
  rankIc: Float64Array;
  /** Running sums of ic / rankIc, an undefined (NaN) date adding 0. */
  cumulativeIc: Float64Array;
  cumulativeRankIc: Float64Array;
  /** Mean and sample std over the dates where the IC is defined; IR = mean / std (not annualised). */
  icMean: number;
  icStd: number;
  icIr: number;
  rankIcMean: number;
  rankIcStd: number;
  rankIcIr: number;
}

function cumulative(x: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i])) s += x[i];
    out[i] = s;
  }
  return out;
}

/**
 * IC and rank IC of a score against forward returns, one cross-section per date, as Qlib computes them:
 * rows with a missing score or return are dropped, the correlation is taken across the names of each
 * date, and the summary is the mean, std and IR (mean/std) of the per-date values.
 */
export function icPerDate(rows: SignalRows): IcPerDate {
  const groups = dateGroups(rows, 2);
  const ic = Float64Array.from(groups, (g) => pearsonCorrelation(g.score, g.ret));
  const rankIc = Float64Array.from(groups, (g) => spearmanCorrelation(g.score, g.ret));
  const a = meanStdRatio(ic);
  const r = meanStdRatio(rankIc);
  return {
    dates: Float64Array.from(groups, (g) => g.ts),
    names: Int32Array.from(groups, (g) => g.score.length),
    ic,
    rankIc,
    cumulativeIc: cumulative(ic),
    cumulativeRankIc: cumulative(rankIc),
    icMean: a.mean,
    icStd: a.std,
    icIr: a.ratio,
    rankIcMean: r.mean,
    rankIcStd: r.std,
    rankIcIr: r.ratio,
  };
}
