import { ConfigError } from '../core/index.js';
import { normalCdf, normalInv } from './normal-distribution.js';
import { returnMoments } from './return-stats.js';

/** Per-period (non-annualised) Sharpe ratio with the sample size and shape it was estimated from. */
export interface SharpeStats {
  sharpe: number;
  n: number;
  skew: number;
  /** Non-excess kurtosis (normal = 3). */
  kurtosis: number;
}

const EULER_GAMMA = 0.5772156649015329;

/** Variance of the Sharpe estimator, (1 − γ3·SR + (γ4 − 1)/4·SR²)/(n − 1) (Mertens 2002; Bailey & López de Prado 2012). */
export function sharpeEstimatorVariance(stats: SharpeStats): number {
  const { sharpe: sr, n, skew, kurtosis } = stats;
  if (n < 2) return Number.POSITIVE_INFINITY;
  // The bracket is ≥ (1 − γ3·SR/2)² ≥ 0 for valid moments; the floor only guards degenerate input.
  const v = 1 - skew * sr + ((kurtosis - 1) / 4) * sr * sr;
  return Math.max(v, 1e-12) / (n - 1);
}

/**
 * Probabilistic Sharpe ratio PSR(SR*) = Φ((SR − SR*)·√(n − 1) / √(1 − γ3·SR + (γ4 − 1)/4·SR²)),
 * all Sharpe ratios per period (Bailey & López de Prado 2012); 0 when n < 2 (no evidence).
 */
export function psrFromStats(stats: SharpeStats, srStar = 0): number {
  if (stats.n < 2) return 0;
  return normalCdf((stats.sharpe - srStar) / Math.sqrt(sharpeEstimatorVariance(stats)));
}

/** PSR(SR*) of a per-bar return series (sample std for SR, population moments for skew/kurtosis). */
export function probabilisticSharpe(returns: ArrayLike<number>, srStar = 0): number {
  return psrFromStats(returnMoments(returns), srStar);
}

/**
 * Expected maximum Sharpe ratio of `trials` independent zero-skill trials whose Sharpe ratios have
 * variance `srVariance`: √V·((1 − γ)Φ⁻¹(1 − 1/N) + γΦ⁻¹(1 − 1/(N·e))) (Bailey & López de Prado 2014); 0 for N = 1.
 */
export function expectedMaxSharpe(trials: number, srVariance: number): number {
  if (!(trials >= 1) || !Number.isFinite(trials)) {
    throw new ConfigError('expectedMaxSharpe: trials must be ≥ 1', [
      { path: 'trials', message: 'invalid', value: trials },
    ]);
  }
  if (!(srVariance >= 0)) {
    throw new ConfigError('expectedMaxSharpe: srVariance must be ≥ 0', [
      { path: 'srVariance', message: 'invalid', value: srVariance },
    ]);
  }
  if (trials === 1) return 0;
  const z1 = normalInv(1 - 1 / trials);
  const z2 = normalInv(1 - 1 / (trials * Math.E));
  return Math.sqrt(srVariance) * ((1 - EULER_GAMMA) * z1 + EULER_GAMMA * z2);
}

/** Options of the deflated Sharpe ratio. */
export interface DeflatedSharpeOptions {
  /** Number of configurations tried while tuning (N ≥ 1). */
  trials: number;
  /**
   * Variance of the per-period Sharpe ratios across those trials. Default: the estimator variance of
   * this series' Sharpe ratio, i.e. the cross-trial spread expected if every trial had zero skill.
   */
  srVariance?: number;
}

/** Deflated Sharpe ratio with its intermediate quantities. */
export interface DeflatedSharpeResult extends SharpeStats {
  /** PSR(0). */
  psr: number;
  /** Benchmark SR0 = E[max SR over N trials] (per period). */
  sr0: number;
  /** PSR(SR0). */
  dsr: number;
  trials: number;
  srVariance: number;
}

/** DSR = PSR(E[max SR_N]) from given per-period Sharpe statistics (Bailey & López de Prado 2014). */
export function deflatedSharpeFromStats(
  stats: SharpeStats,
  opts: DeflatedSharpeOptions,
): DeflatedSharpeResult {
  const srVariance = opts.srVariance ?? sharpeEstimatorVariance(stats);
  const sr0 = expectedMaxSharpe(opts.trials, srVariance);
  return {
    ...stats,
    psr: psrFromStats(stats, 0),
    sr0,
    dsr: psrFromStats(stats, sr0),
    trials: opts.trials,
    srVariance,
  };
}

/** Deflated Sharpe ratio of a per-bar return series given the number of tuning trials. */
export function deflatedSharpe(
  returns: ArrayLike<number>,
  opts: DeflatedSharpeOptions,
): DeflatedSharpeResult {
  const m = returnMoments(returns);
  return deflatedSharpeFromStats({ sharpe: m.sharpe, n: m.n, skew: m.skew, kurtosis: m.kurtosis }, opts);
}
