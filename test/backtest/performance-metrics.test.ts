import { describe, expect, it } from 'vitest';
import {
  annualisedReturn,
  maxDrawdown,
  performanceMetrics,
  returnMetrics,
  sharpeRatio,
  simulate,
  sortinoRatio,
  totalReturn,
} from '../../src/backtest/index.js';
import { barsPerYear } from '../../src/data/types.js';
import { makeBars } from './make-bars.js';

const DAILY = barsPerYear('1d'); // 252

describe('return metrics', () => {
  it('max drawdown on a known equity path, peak including the starting equity', () => {
    // r = [0.1, −0.2, 0.25, −0.5, 0.1] → equity 1.1, 0.88, 1.1, 0.55, 0.605; peak 1.1 → worst 1 − 0.55/1.1 = 0.5
    expect(maxDrawdown([0.1, -0.2, 0.25, -0.5, 0.1])).toBeCloseTo(0.5, 14);
    // Falls straight from the start: equity 0.9 then 0.945 → drawdown from 1.0 is 0.1
    expect(maxDrawdown([-0.1, 0.05])).toBeCloseTo(0.1, 14);
    expect(maxDrawdown([0.01, 0.02])).toBe(0);
  });

  it('Sharpe and Sortino on a tiny series by hand', () => {
    // r = [0.01, −0.02, 0.03, 0]: mean = 0.02/4 = 0.005
    // deviations 0.005, −0.025, 0.025, −0.005 → Σd² = 2(0.000025) + 2(0.000625) = 0.0013
    // sample std = √(0.0013/3) = 0.0208166600; SR/bar = 0.005/0.0208166600 = 0.2401922307
    // annual: × √252 (15.8745078664) = 3.8129334558
    // downside: only −0.02 → √(0.0004/4) = 0.01; Sortino/bar = 0.5; × √252 = 7.9372539332
    const r = [0.01, -0.02, 0.03, 0];
    expect(sharpeRatio(r)).toBeCloseTo(0.2401922307076307, 12);
    expect(sharpeRatio(r, DAILY)).toBeCloseTo(3.812933455813455, 10);
    expect(sortinoRatio(r, DAILY)).toBeCloseTo(7.937253933193772, 10);
    const m = returnMetrics(r, DAILY);
    expect(m.sharpe).toBeCloseTo(3.812933455813455, 10);
    expect(m.sortino).toBeCloseTo(7.937253933193772, 10);
    // total = 1.01 × 0.98 × 1.03 − 1 = 0.019494
    expect(m.totalReturn).toBeCloseTo(0.019494, 14);
    // drawdown 1 − 0.9898/1.01 = 0.02
    expect(m.maxDrawdown).toBeCloseTo(0.02, 14);
  });

  it('zero-variance series give Sharpe 0, not NaN or Infinity', () => {
    for (const c of [0, 0.001, 0.1, -0.003]) {
      const r = new Float64Array(1000).fill(c);
      expect(sharpeRatio(r, DAILY)).toBe(0);
      expect(returnMetrics(r, DAILY).sharpe).toBe(0);
    }
    // No downside at all → Sortino reported as 0 (finite).
    expect(sortinoRatio(new Float64Array(10).fill(0.01))).toBe(0);
    expect(sharpeRatio([0.05])).toBe(0);
    expect(returnMetrics([], DAILY)).toEqual({
      bars: 0,
      totalReturn: 0,
      annualReturn: 0,
      sharpe: 0,
      sortino: 0,
      maxDrawdown: 0,
    });
  });

  it('annualises the compounded return geometrically', () => {
    // +21% over 504 daily bars = 2 years → 1.21^(1/2) − 1 = 0.1
    const r = new Float64Array(504);
    r[0] = 0.21;
    expect(totalReturn(r)).toBeCloseTo(0.21, 14);
    expect(returnMetrics(r, DAILY).annualReturn).toBeCloseTo(0.1, 12);
    expect(annualisedReturn(-1.2, 10, 252)).toBe(-1);
  });
});

describe('performanceMetrics', () => {
  it('trade and activity metrics of a known simulation', () => {
    // bars 100/100, 100/110, 99/90, 90/90, 90/92 ; target [1, −1, 0, 0, 0] (see simulate.test reversal case)
    // long trade net −0.01299775 (loss), short trade net +0.0877749773 (win) → win rate 1/2
    // avg trade = (−0.01299775 + 0.0877749773)/2 = 0.0373886136
    // held [0, 1, −1, 0, 0] → exposure 2/5; turnover Σ|Δ| = 1 + 2 + 1 = 4 → 4/5 per bar, ×252 = 201.6
    // hit: bar1 long +10% ✓, bar2 short −(90/99 − 1) = +9.09% ✓ → 1
    const bars = makeBars([100, 100, 99, 90, 90], [100, 110, 90, 90, 92]);
    const sim = simulate(bars, new Int8Array([1, -1, 0, 0, 0]), { commissionBps: 10, slippageBps: 5 });
    const m = performanceMetrics(sim, DAILY);
    expect(m.numTrades).toBe(2);
    expect(m.closedTrades).toBe(2);
    expect(m.winRate).toBe(0.5);
    expect(m.avgTradeReturn).toBeCloseTo(0.0373886136363636, 12);
    expect(m.exposure).toBeCloseTo(0.4, 14);
    expect(m.turnoverPerBar).toBeCloseTo(0.8, 14);
    expect(m.turnoverAnnual).toBeCloseTo(201.6, 10);
    expect(m.hitRatio).toBe(1);
    // total = 1.0985 × 0.9788181818 × 0.9985 − 1 (returns from the reversal case, last bar flat)
    expect(m.totalReturn).toBeCloseTo(1.0985 * (1 - 0.0211818181818182) * 0.9985 - 1, 12);
  });

  it('hit ratio counts a losing held bar', () => {
    // bars 100/100, 101/102, 103/101, 100/98 ; target [1, 1, 0, 0]
    // bar1 entry 102/101 − 1 > 0 ✓ ; bar2 held 101/102 − 1 < 0 ✗ → hit 1/2
    // trade gross = open[3]/open[1] − 1 = 100/101 − 1 < 0 → win rate 0
    const sim = simulate(makeBars([100, 101, 103, 100], [100, 102, 101, 98]), new Int8Array([1, 1, 0, 0]), {
      commissionBps: 0,
      slippageBps: 0,
    });
    const m = performanceMetrics(sim, DAILY);
    expect(m.hitRatio).toBe(0.5);
    expect(m.winRate).toBe(0);
    expect(sim.trades.grossReturn[0]).toBeCloseTo(100 / 101 - 1, 14);
  });
});
