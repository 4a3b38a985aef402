/** Relative std below which a series counts as constant (summation noise, not risk). */
const ZERO_VAR_REL = 1e-10;

/** Mean and sample standard deviation (n − 1) in two passes; std 0 for n < 2. */
export function meanStd(returns: ArrayLike<number>): { mean: number; std: number } {
  const n = returns.length;
  if (n === 0) return { mean: 0, std: 0 };
  let s = 0;
  for (let i = 0; i < n; i++) s += returns[i];
  const mean = s / n;
  if (n < 2) return { mean, std: 0 };
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = returns[i] - mean;
    ss += d * d;
  }
  return { mean, std: Math.sqrt(ss / (n - 1)) };
}

/** True when `std` is zero or only rounding noise relative to `mean`. */
export function isZeroVariance(mean: number, std: number): boolean {
  return !(std > ZERO_VAR_REL * Math.abs(mean));
}

/** Sharpe ratio mean/std·√periodsPerYear (sample std, rf = 0); 0 for constant or too-short series. */
export function sharpeRatio(returns: ArrayLike<number>, periodsPerYear = 1): number {
  const { mean, std } = meanStd(returns);
  if (returns.length < 2 || isZeroVariance(mean, std)) return 0;
  return (mean / std) * Math.sqrt(periodsPerYear);
}

/**
 * Sortino ratio mean/DD·√periodsPerYear with downside deviation DD = √(Σ min(r, 0)² / n) over all
 * bars (target 0); 0 when there is no downside (kept finite so reports stay JSON-safe).
 */
export function sortinoRatio(returns: ArrayLike<number>, periodsPerYear = 1): number {
  const n = returns.length;
  if (n === 0) return 0;
  let s = 0;
  let dd = 0;
  for (let i = 0; i < n; i++) {
    const r = returns[i];
    s += r;
    if (r < 0) dd += r * r;
  }
  if (dd === 0) return 0;
  return (s / n / Math.sqrt(dd / n)) * Math.sqrt(periodsPerYear);
}

/** Compounded total return Π(1 + r) − 1. */
export function totalReturn(returns: ArrayLike<number>): number {
  let eq = 1;
  for (let i = 0; i < returns.length; i++) eq *= 1 + returns[i];
  return eq - 1;
}

/** Largest peak-to-trough fall of the compounded equity curve as a positive fraction; the peak starts at 1. */
export function maxDrawdown(returns: ArrayLike<number>): number {
  let eq = 1;
  let peak = 1;
  let worst = 0;
  for (let i = 0; i < returns.length; i++) {
    eq *= 1 + returns[i];
    if (eq > peak) peak = eq;
    else {
      const dd = 1 - eq / peak;
      if (dd > worst) worst = dd;
    }
  }
  return worst;
}

/** Geometric annualised return (1 + total)^(periodsPerYear/n) − 1; −1 once equity is wiped out. */
export function annualisedReturn(total: number, n: number, periodsPerYear: number): number {
  if (n === 0) return 0;
  if (1 + total <= 0) return -1;
  return (1 + total) ** (periodsPerYear / n) - 1;
}

/** Sample moments for the probabilistic Sharpe ratio: per-period Sharpe, skewness and (non-excess) kurtosis. */
export interface ReturnMoments {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1). */
  std: number;
  /** Per-period (non-annualised) Sharpe ratio mean/std; 0 for a constant series. */
  sharpe: number;
  /** m3 / m2^1.5 with population central moments; 0 for a constant series. */
  skew: number;
  /** m4 / m2² with population central moments (normal = 3); 3 for a constant series. */
  kurtosis: number;
}

/** Computes n, mean, std, per-period Sharpe, skewness and kurtosis of a return series. */
export function returnMoments(returns: ArrayLike<number>): ReturnMoments {
  const n = returns.length;
  const { mean, std } = meanStd(returns);
  if (n < 2 || isZeroVariance(mean, std)) return { n, mean, std: 0, sharpe: 0, skew: 0, kurtosis: 3 };
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = returns[i] - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  return { n, mean, std, sharpe: mean / std, skew: m3 / m2 ** 1.5, kurtosis: m4 / (m2 * m2) };
}
