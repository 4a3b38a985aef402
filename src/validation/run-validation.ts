import {
  bootstrapSharpeUplift,
  deflatedSharpe,
  type PerformanceMetrics,
  performanceMetrics,
  probabilisticSharpe,
  returnMetrics,
  type SimResult,
  simulate,
  simulatePortfolio,
} from '../backtest/index.js';
import { ConfigError } from '../core/index.js';
import { type BarSeries, type Frequency, sliceBars } from '../data/index.js';
import {
  expectedCalibrationError,
  type SignalSummary,
  signalAnalysis,
  signalSummary,
} from '../eval/index.js';
import type { FeatureTable } from '../features/index.js';
import { labelForwardReturns } from '../labels/index.js';
import { type AccuracyMetrics, accuracyMetrics } from './accuracy-metrics.js';
import type { Decisions, Policy } from './policy.js';
import { policySignalRows } from './policy-signal.js';

/** Everything the validation backtest needs. */
export interface ValidationInputs {
  bars: BarSeries[];
  tables: FeatureTable[];
  startMs: number;
  endMs: number;
  /** The bars' actual frequency (recorded) and its annualisation factor on the session calendar. */
  frequency: Frequency;
  barsPerYear: number;
  /** Fewer candidate trades than this: Sharpe and significance are not measurable (default 1). */
  minTrades?: number;
  costs: { commissionBps: number; slippageBps: number };
  horizon: number;
  minHoldingReturn: number;
  bootstrapSamples: number;
  seed: number;
  /** Configurations tried while tuning the candidate (deflated Sharpe ratio). */
  trials: number;
}

/** One policy's run: per-symbol simulations and decisions, portfolio returns and metrics. */
export interface PolicyRun {
  policy: { name: string; version: string };
  perSymbol: {
    symbol: string;
    lo: number;
    ts: Float64Array;
    sim: SimResult;
    decisions: Decisions;
    metrics: PerformanceMetrics;
    accuracy: AccuracyMetrics;
  }[];
  portfolio: { ts: Float64Array; returns: Float64Array; metrics: ReturnType<typeof returnMetrics> };
  accuracy: AccuracyMetrics;
  summary: Record<string, number>;
}

/** Whether the candidate traded enough for its Sharpe ratio and the significance tests to mean anything. */
export interface Measurability {
  trades: number;
  min_trades: number;
  /** trades ≥ min_trades; otherwise Sharpe and significance are reported as not measurable. */
  measurable: boolean;
}

/** Candidate vs baseline over the same bars, with significance statistics. */
export interface ValidationOutcome {
  candidate: PolicyRun;
  /** The baseline the criteria use (validation.baseline). */
  baseline: PolicyRun;
  /** The other rule baselines, run on the same bars and reported side by side. */
  others?: PolicyRun[];
  measurability?: Measurability;
  frequency?: { frequency: Frequency; bars_per_year: number };
  significance: {
    p_value: number;
    sharpe_uplift_ci: [number, number];
    psr: number;
    dsr: number;
    dsr_trials: number;
    robustness: number;
    mean_block: number;
    resamples: number;
  };
  calibration: { expected_calibration_error: number | null; rows: number };
  /** Qlib-style signal analysis of the candidate's p(LONG) − p(SHORT) against forward returns (per bar). */
  signal: SignalSummary;
  /** The bootstrap distribution of the annualised Sharpe uplift, ascending (in memory only; not written). */
  upliftDistribution: Float64Array;
  window: { start: string; end: string; symbols: string[]; bars: number };
}

function windowIndex(ts: Float64Array, startMs: number, endMs: number): [number, number] {
  let lo = 0;
  while (lo < ts.length && ts[lo] < startMs) lo++;
  let hi = lo;
  while (hi < ts.length && ts[hi] <= endMs) hi++;
  return [lo, hi];
}

function runPolicy(policy: Policy, inp: ValidationInputs, realised: Int8Array[]): PolicyRun {
  const bpy = inp.barsPerYear;
  const perSymbol: PolicyRun['perSymbol'] = [];
  inp.bars.forEach((bars, s) => {
    const [lo, hi] = windowIndex(bars.ts, inp.startMs, inp.endMs);
    if (hi - lo < 2) return;
    const decisions = policy.decide(bars, inp.tables[s], lo, hi);
    const sim = simulate(sliceBars(bars, lo, hi), decisions.target, inp.costs);
    const accuracy = accuracyMetrics(decisions.target, realised[s].subarray(lo, hi));
    perSymbol.push({
      symbol: bars.symbol,
      lo,
      ts: bars.ts.subarray(lo, hi),
      sim,
      decisions,
      metrics: performanceMetrics(sim, bpy),
      accuracy,
    });
  });
  if (perSymbol.length === 0) {
    throw new ConfigError('the validation window holds no bars', [
      {
        path: 'validation.start',
        message: 'no symbol has 2+ bars in the window',
        fix: 'check --validation-start/--validation-end against the data range',
      },
    ]);
  }
  const port = simulatePortfolio(
    perSymbol.map((p) => p.sim),
    perSymbol.map((p) => p.ts),
  );
  const pm = returnMetrics(port.returns, bpy);
  const pooledTargets = perSymbol.map((p) => p.decisions.target);
  const pooledRealised = perSymbol.map((p) =>
    realised[inp.bars.findIndex((b) => b.symbol === p.symbol)].subarray(p.lo, p.lo + p.sim.returns.length),
  );
  const accuracy = accuracyMetrics(concat8(pooledTargets), concat8(pooledRealised));
  const inMarket = perSymbol.reduce((s, p) => s + p.sim.barsInMarket, 0);
  const hits = perSymbol.reduce((s, p) => s + p.sim.hitBars, 0);
  const trades = perSymbol.reduce((s, p) => s + p.metrics.numTrades, 0);
  const closed = perSymbol.reduce((s, p) => s + p.metrics.closedTrades, 0);
  const wins = perSymbol.reduce((s, p) => s + p.metrics.winRate * p.metrics.closedTrades, 0);
  const bars = perSymbol.reduce((s, p) => s + p.sim.returns.length, 0);
  const turnover = perSymbol.reduce((s, p) => s + p.sim.totalTurnover, 0);
  return {
    policy: { name: policy.name, version: policy.version },
    perSymbol,
    portfolio: { ts: port.ts, returns: port.returns, metrics: pm },
    accuracy,
    summary: {
      precision_long: accuracy.precision_long,
      hit_ratio: inMarket > 0 ? hits / inMarket : 0,
      accuracy: accuracy.accuracy,
      sharpe_ratio: pm.sharpe,
      sortino_ratio: pm.sortino,
      total_return: pm.totalReturn,
      annual_return: pm.annualReturn,
      max_drawdown: pm.maxDrawdown,
      win_rate: closed > 0 ? wins / closed : 0,
      num_trades: trades,
      exposure: bars > 0 ? inMarket / bars : 0,
      turnover_per_bar: bars > 0 ? turnover / bars : 0,
    },
  };
}

function concat8(parts: Int8Array[]): Int8Array {
  const out = new Int8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * Backtests candidate and baseline on the same out-of-sample bars through the same code path
 * (decide at close t → execute at open t+1 → costs), then tests the Sharpe uplift (stationary block
 * bootstrap of the paired portfolio returns), PSR, DSR (tuning trials) and per-symbol robustness.
 */
export function runValidation(
  candidate: Policy,
  baseline: Policy,
  inp: ValidationInputs,
  others: Policy[] = [],
): ValidationOutcome {
  const labelled = inp.bars.map((b) =>
    labelForwardReturns(b, { horizon: inp.horizon, minHoldingReturn: inp.minHoldingReturn }),
  );
  const realised = labelled.map((l) => l.label);
  const cand = runPolicy(candidate, inp, realised);
  const base = runPolicy(baseline, inp, realised);
  const boot = bootstrapSharpeUplift(cand.portfolio.returns, base.portfolio.returns, {
    resamples: inp.bootstrapSamples,
    seed: inp.seed,
    periodsPerYear: inp.barsPerYear,
    keepDistribution: true,
  });
  const dsr = deflatedSharpe(cand.portfolio.returns, { trials: Math.max(1, inp.trials) });
  const baseBy = new Map(base.perSymbol.map((p) => [p.symbol, p.metrics.sharpe]));
  const wins = cand.perSymbol.filter(
    (p) => p.metrics.sharpe > (baseBy.get(p.symbol) ?? Number.POSITIVE_INFINITY),
  ).length;
  // Calibration of the candidate on window rows whose realised label is known.
  const ys: number[] = [];
  const ps: number[] = [];
  for (const p of cand.perSymbol) {
    const lab = realised[inp.bars.findIndex((b) => b.symbol === p.symbol)];
    const proba = p.decisions.proba;
    if (!proba) continue;
    for (let i = 0; i < p.sim.returns.length; i++) {
      const y = lab[p.lo + i];
      if (y < 0 || Number.isNaN(proba[i * 3])) continue;
      ys.push(y);
      ps.push(proba[i * 3], proba[i * 3 + 1], proba[i * 3 + 2]);
    }
  }
  const ece = ys.length > 0 ? expectedCalibrationError(Int32Array.from(ys), Float64Array.from(ps), 3) : null;
  const fwdOf = new Map(inp.bars.map((b, s) => [b.symbol, labelled[s].forwardReturn]));
  const allTs = cand.portfolio.ts;
  const minTrades = inp.minTrades ?? 1;
  const trades = cand.summary.num_trades;
  return {
    candidate: cand,
    baseline: base,
    others: others.map((p) => runPolicy(p, inp, realised)),
    measurability: { trades, min_trades: minTrades, measurable: trades >= minTrades },
    frequency: { frequency: inp.frequency, bars_per_year: inp.barsPerYear },
    significance: {
      p_value: boot.pValue,
      sharpe_uplift_ci: [boot.ciLow, boot.ciHigh],
      psr: probabilisticSharpe(cand.portfolio.returns, 0),
      dsr: dsr.dsr,
      dsr_trials: dsr.trials,
      robustness: cand.perSymbol.length > 0 ? wins / cand.perSymbol.length : 0,
      mean_block: boot.meanBlock,
      resamples: boot.resamples,
    },
    calibration: { expected_calibration_error: ece, rows: ys.length },
    signal: signalSummary(signalAnalysis(policySignalRows(cand, (s) => fwdOf.get(s)))),
    upliftDistribution: boot.distribution as Float64Array,
    window: {
      start: new Date(allTs[0]).toISOString(),
      end: new Date(allTs[allTs.length - 1]).toISOString(),
      symbols: cand.perSymbol.map((p) => p.symbol),
      bars: allTs.length,
    },
  };
}
