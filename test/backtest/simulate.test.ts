import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate, smaCrossoverTarget } from '../../src/backtest/index.js';
import { DataValidationError } from '../../src/core/index.js';
import { makeBars } from './make-bars.js';

const COSTS = { commissionBps: 10, slippageBps: 5 }; // 15 bps = 0.0015 per unit of |Δposition|

// Opens/closes: bar0 100/101, bar1 102/104, bar2 103/106, bar3 105/99.
const OPEN = [100, 102, 103, 105];
const CLOSE = [101, 104, 106, 99];

describe('simulate', () => {
  it('long trade with costs: entry at the next open, held close→close, exit at the next open', () => {
    // target decided at close: [1, 1, 0, 0] → held position [0, 1, 1, 0].
    // bar0: nothing executed yet                       r0 = 0
    // bar1: enter at open 102, earn open→close 104:    r1 = 104/102 − 1 − 0.0015 = 0.0196078431 − 0.0015 = 0.0181078431
    // bar2: held, close→close 104 → 106:               r2 = 106/104 − 1 = 0.0192307692
    // bar3: exit at open 105 on the old long:          r3 = 105/106 − 1 − 0.0015 = −0.0094339623 − 0.0015 = −0.0109339623
    // total = 1.0181078431 × 1.0192307692 × 0.9890660377 − 1 = 0.0263408114
    // trade gross telescopes to open[3]/open[1] − 1 = 105/102 − 1 = 0.0294117647; net = total above.
    const sim = simulate(makeBars(OPEN, CLOSE), new Int8Array([1, 1, 0, 0]), COSTS);
    expect(Array.from(sim.position)).toEqual([0, 1, 1, 0]);
    const want = [0, 0.0181078431372549, 0.0192307692307692, -0.0109339622641509];
    want.forEach((w, i) => {
      expect(sim.returns[i]).toBeCloseTo(w, 12);
    });
    expect(sim.grossReturns[1]).toBeCloseTo(0.0196078431372549, 12);
    expect(sim.trades.count).toBe(1);
    expect(sim.closedTrades).toBe(1);
    expect(sim.trades.entryIdx[0]).toBe(1);
    expect(sim.trades.exitIdx[0]).toBe(3);
    expect(sim.trades.direction[0]).toBe(1);
    expect(sim.trades.grossReturn[0]).toBeCloseTo(0.0294117647058824, 12);
    expect(sim.trades.netReturn[0]).toBeCloseTo(0.0263408113687783, 12);
    expect(sim.totalTurnover).toBe(2);
    expect(sim.barsInMarket).toBe(2);
    expect(sim.hitBars).toBe(2);
  });

  it('short trade earns the negated moves and pays the same costs', () => {
    // r1 = −(104/102 − 1) − 0.0015 = −0.0211078431; r2 = −(106/104 − 1) = −0.0192307692
    // r3 = −(105/106 − 1) − 0.0015 = 0.0094339623 − 0.0015 = 0.0079339623
    // trade gross = (100/102)(102/104)(107/106) − 1 = 10700/11024 − 1 = −0.0293904209
    // trade net = 0.9788921569 × 0.9807692308 × 1.0079339623 − 1 = −0.0323155545
    const sim = simulate(makeBars(OPEN, CLOSE), new Int8Array([-1, -1, 0, 0]), COSTS);
    expect(Array.from(sim.position)).toEqual([0, -1, -1, 0]);
    const want = [0, -0.0211078431372549, -0.0192307692307692, 0.0079339622641509];
    want.forEach((w, i) => {
      expect(sim.returns[i]).toBeCloseTo(w, 12);
    });
    expect(sim.trades.direction[0]).toBe(-1);
    expect(sim.trades.grossReturn[0]).toBeCloseTo(-0.0293904208998549, 12);
    expect(sim.trades.netReturn[0]).toBeCloseTo(-0.0323155545174165, 12);
    expect(sim.hitBars).toBe(0);
  });

  it('reversal: old position earns the gap, new one open→close, both pay costs', () => {
    // bars (open/close): 100/100, 100/110, 99/90, 90/90; target [1, −1, 0, 0] → held [0, 1, −1, 0].
    // bar1: long entry        r1 = 110/100 − 1 − 0.0015 = 0.0985
    // bar2: gap on long 99/110 − 1 = −0.1; short open→close −(90/99 − 1) = +0.0909090909
    //       gross = 0.9 × 1.0909090909 − 1 = −0.0181818182; net = gross − 2 × 0.0015 = −0.0211818182
    // bar3: short exits at open 90: gap −(90/90 − 1) = 0 → r3 = −0.0015
    // long trade: gross 1.1 × 0.9 − 1 = −0.01, net (1.1 − 0.0015)(0.9 − 0.0015) − 1 = −0.01299775
    // short trade: gross 0.0909090909, net (1.0909090909 − 0.0015)(1 − 0.0015) − 1 = 0.0877749773
    const sim = simulate(
      makeBars([100, 100, 99, 90], [100, 110, 90, 90]),
      new Int8Array([1, -1, 0, 0]),
      COSTS,
    );
    const want = [0, 0.0985, -0.0211818181818182, -0.0015];
    want.forEach((w, i) => {
      expect(sim.returns[i]).toBeCloseTo(w, 12);
    });
    expect(sim.grossReturns[2]).toBeCloseTo(-0.0181818181818182, 12);
    expect(sim.trades.count).toBe(2);
    expect(Array.from(sim.trades.entryIdx)).toEqual([1, 2]);
    expect(Array.from(sim.trades.exitIdx)).toEqual([2, 3]);
    expect(sim.trades.grossReturn[0]).toBeCloseTo(-0.01, 12);
    expect(sim.trades.netReturn[0]).toBeCloseTo(-0.01299775, 12);
    expect(sim.trades.grossReturn[1]).toBeCloseTo(0.0909090909090909, 12);
    expect(sim.trades.netReturn[1]).toBeCloseTo(0.0877749772727273, 12);
    expect(sim.totalTurnover).toBe(4);
    // Both in-market bars won on their own segment (+10% long, +9.09% short) even though bar 2's gross is < 0.
    expect(sim.hitBars).toBe(2);
  });

  it('a target set at bar t has no effect on bar t (or earlier) and the last target is never executed', () => {
    const bars = makeBars([100, 101, 99, 102, 104], [101, 100, 103, 104, 101]);
    const base = simulate(bars, new Int8Array([0, 0, 0, 0, 0]), COSTS);
    const t = 2;
    const changed = simulate(bars, new Int8Array([0, 0, 1, 0, 0]), COSTS);
    for (let i = 0; i <= t; i++) {
      expect(changed.returns[i]).toBe(base.returns[i]);
      expect(changed.position[i]).toBe(base.position[i]);
    }
    // Executed at open[3]: 104/102 − 1 − 0.0015 = 0.0196078431 − 0.0015.
    expect(changed.returns[3]).toBeCloseTo(0.0181078431372549, 12);
    const last = simulate(bars, new Int8Array([0, 0, 0, 0, -1]), COSTS);
    expect(Array.from(last.returns)).toEqual(Array.from(base.returns));
    expect(last.trades.count).toBe(0);
  });

  it('a position still open at the end is listed with exit index n but not counted as closed', () => {
    // held [0, 1, 1, 1]: marked to the last close; gross = 99/102 − 1 = −0.0294117647 (entry at open 102)
    const sim = simulate(makeBars(OPEN, CLOSE), new Int8Array([1, 1, 1, 1]), COSTS);
    expect(sim.trades.count).toBe(1);
    expect(sim.closedTrades).toBe(0);
    expect(sim.trades.exitIdx[0]).toBe(4);
    expect(sim.trades.grossReturn[0]).toBeCloseTo(99 / 102 - 1, 12);
  });

  it('treats non-finite targets as flat and rejects length mismatches', () => {
    const bars = makeBars(OPEN, CLOSE);
    const sim = simulate(bars, new Float64Array([Number.NaN, 0.5, Number.POSITIVE_INFINITY, 0]), COSTS);
    expect(Array.from(sim.position)).toEqual([0, 0, 0.5, 0]);
    // bar2: half position entered at open 103: 0.5 × (106/103 − 1) − 0.5 × 0.0015
    expect(sim.returns[2]).toBeCloseTo(0.5 * (106 / 103 - 1) - 0.00075, 12);
    expect(() => simulate(bars, new Int8Array(3), COSTS)).toThrow(DataValidationError);
    expect(() => simulate(bars, new Int8Array(4), { commissionBps: -1, slippageBps: 0 })).toThrow(
      DataValidationError,
    );
  });

  it('has no look-ahead: changing prices after bar t leaves targets ≤ t, positions ≤ t+1 and returns ≤ t unchanged', () => {
    const prices = fc.array(fc.double({ min: 0.9, max: 1.1, noNaN: true }), { minLength: 24, maxLength: 60 });
    fc.assert(
      fc.property(prices, prices, fc.nat(), (moves, bumps, cut) => {
        const n = moves.length;
        const open = new Array<number>(n);
        const close = new Array<number>(n);
        let p = 100;
        for (let i = 0; i < n; i++) {
          open[i] = p * (0.5 + moves[(i * 7) % n] / 2);
          p *= moves[i];
          close[i] = p;
        }
        const t = cut % (n - 1);
        const open2 = open.slice();
        const close2 = close.slice();
        for (let i = t + 1; i < n; i++) {
          open2[i] *= bumps[i % bumps.length];
          close2[i] *= bumps[(i + 3) % bumps.length];
        }
        const a = makeBars(open, close);
        const b = makeBars(open2, close2);
        const ta = smaCrossoverTarget(a.close, { fast: 2, slow: 5 });
        const tb = smaCrossoverTarget(b.close, { fast: 2, slow: 5 });
        const sa = simulate(a, ta, COSTS);
        const sb = simulate(b, tb, COSTS);
        for (let i = 0; i <= t; i++) {
          if (ta[i] !== tb[i] || sa.returns[i] !== sb.returns[i]) return false;
        }
        for (let i = 0; i <= t + 1; i++) if (sa.position[i] !== sb.position[i]) return false;
        return true;
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
