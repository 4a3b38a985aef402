import { DataValidationError } from '../core/index.js';

function assertPairs(x: ArrayLike<number>, y: ArrayLike<number>): void {
  if (x.length !== y.length) {
    throw new DataValidationError('correlation inputs differ in length', [
      { path: 'y', message: `length ${y.length} ≠ x length ${x.length}` },
    ]);
  }
}

/** Pearson correlation of two equal-length samples; NaN with fewer than 2 pairs or a constant sample. */
export function pearsonCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  assertPairs(x, y);
  const n = x.length;
  if (n < 2) return Number.NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
}

/** Ranks 1..n, ties sharing their average rank (what Spearman's coefficient needs). */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && values[order[j]] === values[order[i]]) j++;
    const rank = (i + 1 + j) / 2; // mean of ranks i+1 … j
    for (let k = i; k < j; k++) ranks[order[k]] = rank;
    i = j;
  }
  return ranks;
}

/** Spearman rank correlation: Pearson on average ranks (ties handled); NaN as for Pearson. */
export function spearmanCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  assertPairs(x, y);
  return pearsonCorrelation(averageRanks(x), averageRanks(y));
}
