import { DataValidationError } from '../core/index.js';
import type { BarSeries } from '../data/index.js';
import { type TradeList, TradeListBuilder } from './trade-list.js';

/** Trading costs in basis points of traded notional, each charged per unit of |Δposition|. */
export interface Costs {
  commissionBps: number;
  slippageBps: number;
}

/** Bar-by-bar outcome of trading one symbol. */
export interface SimResult {
  symbol: string;
  /** Position held during bar t, i.e. after bar t's open execution (= target[t−1]; 0 at bar 0). */
  position: Float64Array;
  /** Strategy return of bar t before costs (fraction of equity at close t−1). */
  grossReturns: Float64Array;
  /** Strategy return of bar t after costs. */
  returns: Float64Array;
  trades: TradeList;
  /** Trades with an exit inside the series (the last trade may still be open at the end). */
  closedTrades: number;
  /** Bars with a non-zero position. */
  barsInMarket: number;
  /**
   * Bars in the market where sign(position)·(underlying move while held) > 0; the move is close→close
   * on a held bar and open→close on the execution bar.
   */
  hitBars: number;
  /** Σ|Δposition| over all executions. */
  totalTurnover: number;
}

/**
 * Executes targets decided at the close of bar t at the open of bar t+1 and returns per-bar returns,
 * positions held and trades in one O(n) pass.
 *
 * Bar t's gross return, with p = position before and q = position after the open of t:
 * - q = p (held, or flat): p·(close[t]/close[t−1] − 1);
 * - q ≠ p: (1 + p·(open[t]/close[t−1] − 1))·(1 + q·(close[t]/open[t] − 1)) − 1, i.e. the old position
 *   earns the close→open gap and the new one open→close, the latter sized on post-gap equity. So an
 *   entry earns q·(close/open − 1) and an exit p·(open/close[t−1] − 1).
 * The net return subtracts |q − p|·(commission + slippage)·1e-4 on the execution bar. Non-finite
 * targets are treated as flat; the last target is never executed. A trade is a maximal run of bars
 * whose position has one sign; its return compounds its share of each bar (on a reversal bar the old
 * trade gets the gap and exit cost, the new one the open→close move and entry cost).
 */
export function simulate(bars: BarSeries, target: Int8Array | Float64Array, costs: Costs): SimResult {
  const { open, close } = bars;
  const n = close.length;
  if (target.length !== n || open.length !== n) {
    throw new DataValidationError('simulate: target and bars must have the same length', [
      { path: 'target', message: `length ${target.length}, bars ${n}`, fix: 'one target per bar' },
    ]);
  }
  const unitCost = (costs.commissionBps + costs.slippageBps) * 1e-4;
  if (!(unitCost >= 0) || !Number.isFinite(unitCost)) {
    throw new DataValidationError('simulate: costs must be finite and non-negative', [
      { path: 'costs', message: 'invalid costs', value: costs, fix: 'use bps values ≥ 0' },
    ]);
  }
  const position = new Float64Array(n);
  const gross = new Float64Array(n);
  const net = new Float64Array(n);
  const trades = new TradeListBuilder();
  let prev = 0;
  let inMarket = 0;
  let hits = 0;
  let turnover = 0;
  let entry = 0;
  let tradeGross = 1;
  let tradeNet = 1;
  for (let t = 1; t < n; t++) {
    let cur = target[t - 1];
    if (!Number.isFinite(cur)) cur = 0;
    position[t] = cur;
    if (cur === prev) {
      // Fast path (most bars): no execution, flat bars stay 0 in the zero-initialised outputs.
      if (cur !== 0) {
        const g = cur * (close[t] / close[t - 1] - 1);
        gross[t] = g;
        net[t] = g;
        inMarket++;
        // Branch-free: up/down bars are a coin flip, and mispredictions dominated this loop.
        hits += +(g > 0);
        tradeGross *= 1 + g;
        tradeNet *= 1 + g;
      }
      continue;
    }
    const cp = close[t - 1];
    const cl = close[t];
    const o = open[t];
    const gapR = prev !== 0 ? prev * (o / cp - 1) : 0;
    const intraR = cur !== 0 ? cur * (cl / o - 1) : 0;
    const g = (1 + gapR) * (1 + intraR) - 1;
    const d = cur > prev ? cur - prev : prev - cur;
    const cost = d * unitCost;
    turnover += d;
    gross[t] = g;
    net[t] = g - cost;
    if (cur !== 0) {
      inMarket++;
      // Judge the new position on its own open→close segment, not on the gap earned by the old one.
      if (intraR > 0) hits++;
    }
    const sPrev = prev > 0 ? 1 : prev < 0 ? -1 : 0;
    const sCur = cur > 0 ? 1 : cur < 0 ? -1 : 0;
    if (sPrev !== 0 && sPrev === sCur) {
      tradeGross *= 1 + g;
      tradeNet *= 1 + g - cost;
    } else {
      if (sPrev !== 0) {
        tradeGross *= 1 + gapR;
        tradeNet *= 1 + gapR - sPrev * prev * unitCost;
        trades.push(entry, t, sPrev, tradeGross - 1, tradeNet - 1);
      }
      if (sCur !== 0) {
        entry = t;
        tradeGross = 1 + intraR;
        tradeNet = 1 + intraR - sCur * cur * unitCost;
      }
    }
    prev = cur;
  }
  const closedTrades = trades.count;
  if (prev !== 0) trades.push(entry, n, prev > 0 ? 1 : -1, tradeGross - 1, tradeNet - 1);
  return {
    symbol: bars.symbol,
    position,
    grossReturns: gross,
    returns: net,
    trades: trades.build(),
    closedTrades,
    barsInMarket: inMarket,
    hitBars: hits,
    totalTurnover: turnover,
  };
}
