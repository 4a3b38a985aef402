import { ConfigError } from '../core/index.js';
import { dateGroups, meanStdRatio, type SignalRows } from './date-groups.js';

/** Mean forward return of each score quantile per date, and the long–short spread. */
export interface QuantileReturns {
  quantiles: number;
  /** Dates with at least `quantiles` valid rows, ascending. */
  dates: Float64Array;
  /** byQuantile[q][d]: mean forward return of quantile q (0 = lowest scores) on date d. */
  byQuantile: Float64Array[];
  /** Mean over dates of each quantile's return (Q1 … QN). */
  meanByQuantile: Float64Array;
  /** Top minus bottom quantile per date. */
  longShort: Float64Array;
  longShortMean: number;
  longShortStd: number;
}

/**
 * Quantile returns as Qlib's group-return analysis: on each date the names are sorted by score and cut
 * into `quantiles` groups, and each group's mean forward return is recorded; long–short is the top
 * group minus the bottom one. Unlike Qlib (len // N names per group, the remainder dropped from the
 * bottom) every name is used: the name of ascending rank r (0-based, ties kept in input order) of m goes
 * to group ⌊r·N/m⌋, so group sizes differ by at most one and no group is empty.
 */
export function quantileReturns(rows: SignalRows, quantiles = 5): QuantileReturns {
  if (!Number.isInteger(quantiles) || quantiles < 2) {
    throw new ConfigError('invalid quantile count', [
      { path: 'quantiles', value: quantiles, message: 'must be an integer ≥ 2' },
    ]);
  }
  const groups = dateGroups(rows, quantiles);
  const D = groups.length;
  const byQuantile = Array.from({ length: quantiles }, () => new Float64Array(D));
  const sum = new Float64Array(quantiles);
  const count = new Int32Array(quantiles);
  groups.forEach((g, d) => {
    const m = g.score.length;
    const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => g.score[a] - g.score[b] || a - b);
    sum.fill(0);
    count.fill(0);
    order.forEach((i, r) => {
      const q = Math.floor((r * quantiles) / m);
      sum[q] += g.ret[i];
      count[q]++;
    });
    for (let q = 0; q < quantiles; q++) byQuantile[q][d] = sum[q] / count[q];
  });
  const longShort = Float64Array.from(
    { length: D },
    (_, d) => byQuantile[quantiles - 1][d] - byQuantile[0][d],
  );
  const ls = meanStdRatio(longShort);
  return {
    quantiles,
    dates: Float64Array.from(groups, (g) => g.ts),
    byQuantile,
    meanByQuantile: Float64Array.from(byQuantile, (q) => meanStdRatio(q).mean),
    longShort,
    longShortMean: ls.mean,
    longShortStd: ls.std,
  };
}
