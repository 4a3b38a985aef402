import { ConfigError, DataValidationError, createRng } from '../core/index.js';
import type { Rng } from '../core/index.js';
import { isZeroVariance } from './return-stats.js';

/** Options of the bootstrap Sharpe-uplift test. */
export interface UpliftTestOptions {
  /** Bootstrap resamples (default 2000). */
  resamples?: number;
  /** Mean block length b of the stationary bootstrap (default round(n^(1/3)), at least 1). */
  meanBlock?: number;
  /** RNG seed (default 0). */
  seed?: number | string;
  /** Scales the reported uplift and interval by √periodsPerYear (default 1: per bar); p is unaffected. */
  periodsPerYear?: number;
  /** Also return the bootstrap distribution of the uplift (sorted, scaled like `uplift`). */
  keepDistribution?: boolean;
}

/** Outcome of the bootstrap Sharpe-uplift test. */
export interface UpliftTestResult {
  /** Observed SR(candidate) − SR(baseline). */
  uplift: number;
  /** One-sided p-value of H0: uplift ≤ 0. */
  pValue: number;
  /** 2.5% and 97.5% percentiles of the bootstrap uplift. */
  ciLow: number;
  ciHigh: number;
  meanBlock: number;
  resamples: number;
  /** The B bootstrap uplifts Δ*ₖ, ascending (only with `keepDistribution`); p = share of Δ*ₖ − Δ̂ ≥ Δ̂. */
  distribution?: Float64Array;
}

/** Default mean block length round(n^(1/3)), at least 1. */
export function defaultMeanBlock(n: number): number {
  return Math.max(1, Math.round(Math.cbrt(n)));
}

/**
 * Stationary-bootstrap index path (Politis & Romano 1994): start at a uniform index, then with
 * probability 1/meanBlock jump to a new uniform index, else step to the next one, wrapping circularly.
 */
export function stationaryBootstrapIndices(
  n: number,
  meanBlock: number,
  rng: Rng,
  out = new Int32Array(n),
): Int32Array {
  const pNew = 1 / meanBlock;
  let idx = rng.int(n);
  for (let t = 0; t < n; t++) {
    if (t > 0) idx = rng.next() < pNew ? rng.int(n) : idx + 1 === n ? 0 : idx + 1;
    out[t] = idx;
  }
  return out;
}

function sharpeFromShiftedSums(shift: number, s: number, s2: number, n: number): number {
  const m = s / n;
  const v = (s2 - s * m) / (n - 1);
  const mean = shift + m;
  if (!(v > 0) || isZeroVariance(mean, Math.sqrt(v))) return 0;
  return mean / Math.sqrt(v);
}

function quantileSorted(x: Float64Array, q: number): number {
  const pos = q * (x.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, x.length - 1);
  return x[lo] + (pos - lo) * (x[hi] - x[lo]);
}

/**
 * Tests whether the candidate's Sharpe ratio beats the baseline's on paired per-bar returns.
 * Both series are resampled jointly with one stationary-bootstrap index path per resample (keeping
 * their cross-correlation and serial dependence), giving uplifts Δ*_k = SR(c*) − SR(b*). The
 * one-sided p-value centres that distribution on the observed Δ̂ to mimic H0 (Δ = 0):
 * p = (1 + #{k : Δ*_k − Δ̂ ≥ Δ̂}) / (B + 1). Identical series give p = 1. O(B·n).
 */
export function bootstrapSharpeUplift(
  candidate: ArrayLike<number>,
  baseline: ArrayLike<number>,
  opts: UpliftTestOptions = {},
): UpliftTestResult {
  const n = candidate.length;
  if (baseline.length !== n || n < 2) {
    throw new DataValidationError('bootstrapSharpeUplift: need paired series of equal length ≥ 2', [
      { path: 'baseline', message: `lengths ${n} and ${baseline.length}` },
    ]);
  }
  const B = opts.resamples ?? 2000;
  const b = opts.meanBlock ?? defaultMeanBlock(n);
  if (!Number.isInteger(B) || B < 1 || !(b >= 1)) {
    throw new ConfigError('bootstrapSharpeUplift: resamples must be an integer ≥ 1 and meanBlock ≥ 1', [
      { path: 'resamples/meanBlock', message: 'invalid', value: { resamples: B, meanBlock: b } },
    ]);
  }
  // Shifting by the sample means keeps the one-pass variance free of cancellation.
  let mc = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    mc += candidate[i];
    mb += baseline[i];
  }
  mc /= n;
  mb /= n;
  const stat = (idx: Int32Array | null): number => {
    let sc = 0;
    let sc2 = 0;
    let sb = 0;
    let sb2 = 0;
    for (let t = 0; t < n; t++) {
      const i = idx === null ? t : idx[t];
      const c = candidate[i] - mc;
      const d = baseline[i] - mb;
      sc += c;
      sc2 += c * c;
      sb += d;
      sb2 += d * d;
    }
    return sharpeFromShiftedSums(mc, sc, sc2, n) - sharpeFromShiftedSums(mb, sb, sb2, n);
  };
  const observed = stat(null);
  const rng = createRng(opts.seed ?? 0).fork('stationary-bootstrap');
  const idx = new Int32Array(n);
  const deltas = new Float64Array(B);
  let extreme = 0;
  for (let k = 0; k < B; k++) {
    stationaryBootstrapIndices(n, b, rng, idx);
    const d = stat(idx);
    deltas[k] = d;
    if (d - observed >= observed) extreme++;
  }
  deltas.sort();
  const scale = Math.sqrt(opts.periodsPerYear ?? 1);
  return {
    uplift: observed * scale,
    pValue: (1 + extreme) / (B + 1),
    ciLow: quantileSorted(deltas, 0.025) * scale,
    ciHigh: quantileSorted(deltas, 0.975) * scale,
    meanBlock: b,
    resamples: B,
    ...(opts.keepDistribution ? { distribution: deltas.map((d) => d * scale) } : {}),
  };
}

/** Share of symbols whose candidate Sharpe is strictly above the baseline's (0 for no symbols). */
export function sharpeRobustness(candidate: ArrayLike<number>, baseline: ArrayLike<number>): number {
  if (candidate.length !== baseline.length) {
    throw new DataValidationError('sharpeRobustness: one baseline Sharpe per symbol is needed', [
      { path: 'baseline', message: `lengths ${candidate.length} and ${baseline.length}` },
    ]);
  }
  if (candidate.length === 0) return 0;
  let wins = 0;
  for (let i = 0; i < candidate.length; i++) if (candidate[i] > baseline[i]) wins++;
  return wins / candidate.length;
}
