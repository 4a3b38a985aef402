/**
 * Pearson correlation of paired samples (two passes: means, then centred sums). NaN when fewer than two
 * pairs or when either side is constant (the correlation is 0/0).
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n !== y.length || n < 2) return Number.NaN;
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
  if (!(sxx > 0) || !(syy > 0)) return Number.NaN;
  return sxy / Math.sqrt(sxx * syy);
}

/** 1-based ranks, tied values sharing their average rank (pandas `rank(method="average")`). O(n log n). */
export function averageRanks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || a - b);
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && x[order[j]] === x[order[i]]) j++;
    // Rows i..j−1 (0-based) hold ranks i+1..j; each gets their mean (i + 1 + j) / 2.
    const r = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) ranks[order[k]] = r;
    i = j;
  }
  return ranks;
}

/** Spearman rank correlation: Pearson of the average ranks (ties handled as pandas/scipy do). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length || x.length < 2) return Number.NaN;
  return pearson(averageRanks(x), averageRanks(y));
}
