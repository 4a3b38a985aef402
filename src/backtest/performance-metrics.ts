import { annualisedReturn, isZeroVariance } from './return-stats.js';
import type { SimResult } from './simulate.js';

/** Metrics of a per-bar return series alone (also used for portfolios). */
export interface ReturnMetrics {
  bars: number;
  /** Compounded Π(1 + r) − 1. */
  totalReturn: number;
  /** (1 + totalReturn)^(barsPerYear / bars) − 1. */
  annualReturn: number;
  /** mean/std·√barsPerYear, sample std, rf = 0; 0 for a constant series. */
  sharpe: number;
  /** mean/downside-deviation·√barsPerYear, target 0 over all bars; 0 without downside. */
  sortino: number;
  /** Positive fraction, equity peak starting at 1. */
  maxDrawdown: number;
}

/** Full backtest metrics of one simulation. */
export interface PerformanceMetrics extends ReturnMetrics {
  /** All trades, including one still open at the end. */
  numTrades: number;
  closedTrades: number;
  /** Share of closed trades with net return > 0 (0 without closed trades). */
  winRate: number;
  /** Mean net return of closed trades (0 without closed trades). */
  avgTradeReturn: number;
  /** Share of in-market bars where sign(position)·underlying move > 0. */
  hitRatio: number;
  /** Share of bars with a non-zero position. */
  exposure: number;
  /** Σ|Δposition| / bars (a full round trip of a unit position is 2). */
  turnoverPerBar: number;
  /** turnoverPerBar × barsPerYear. */
  turnoverAnnual: number;
}

/** Total/annual return, Sharpe, Sortino and max drawdown of a per-bar return series in one pass. */
export function returnMetrics(returns: ArrayLike<number>, barsPerYear: number): ReturnMetrics {
  const n = returns.length;
  // One fused pass; the variance uses sums shifted by the first return, which keeps a constant series
  // at exactly zero variance and avoids cancellation when |mean| ≫ std.
  const k0 = n > 0 ? returns[0] : 0;
  let sd = 0;
  let sd2 = 0;
  let down = 0;
  let eq = 1;
  let peak = 1;
  let mdd = 0;
  // Equity below `floor` = peak·(1 − mdd) means a deeper drawdown; avoids a division per bar.
  let floor = 1;
  for (let i = 0; i < n; i++) {
    const r = returns[i];
    const d = r - k0;
    sd += d;
    sd2 += d * d;
    const neg = Math.min(r, 0); // branch-free downside
    down += neg * neg;
    eq *= 1 + r;
    if (eq > peak) {
      peak = eq;
      floor = peak * (1 - mdd);
    } else if (eq < floor) {
      mdd = 1 - eq / peak;
      floor = eq;
    }
  }
  const mean = n > 0 ? k0 + sd / n : 0;
  const ss = n > 0 ? Math.max(0, sd2 - (sd * sd) / n) : 0;
  const std = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const ann = Math.sqrt(barsPerYear);
  const total = eq - 1;
  return {
    bars: n,
    totalReturn: total,
    annualReturn: annualisedReturn(total, n, barsPerYear),
    sharpe: n < 2 || isZeroVariance(mean, std) ? 0 : (mean / std) * ann,
    sortino: down > 0 ? (mean / Math.sqrt(down / n)) * ann : 0,
    maxDrawdown: mdd,
  };
}

/** Computes return, risk, trade and activity metrics of a simulation (net of costs). */
export function performanceMetrics(sim: SimResult, barsPerYear: number): PerformanceMetrics {
  const base = returnMetrics(sim.returns, barsPerYear);
  const n = base.bars;
  const closed = sim.closedTrades;
  let wins = 0;
  let sum = 0;
  const net = sim.trades.netReturn;
  for (let i = 0; i < closed; i++) {
    if (net[i] > 0) wins++;
    sum += net[i];
  }
  const turnoverPerBar = n > 0 ? sim.totalTurnover / n : 0;
  return {
    ...base,
    numTrades: sim.trades.count,
    closedTrades: closed,
    winRate: closed > 0 ? wins / closed : 0,
    avgTradeReturn: closed > 0 ? sum / closed : 0,
    hitRatio: sim.barsInMarket > 0 ? sim.hitBars / sim.barsInMarket : 0,
    exposure: n > 0 ? sim.barsInMarket / n : 0,
    turnoverPerBar,
    turnoverAnnual: turnoverPerBar * barsPerYear,
  };
}
