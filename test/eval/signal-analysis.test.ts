import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/index.js';
import { icPerDate, quantileReturns, signalAnalysis, signalSummary } from '../../src/eval/index.js';

// Two dates × five names. Date 1 is a perfect signal. Date 2: score dev [2,1,0,−1,−2], return dev (in %)
// [−2,0,−1,2,1]: Σxy = −8, Σx² = Σy² = 10 → IC = −0.8 (the values are their own ranks, so rank IC too).
const ROWS = {
  ts: [1, 1, 1, 1, 1, 2, 2, 2, 2, 2],
  score: [1, 2, 3, 4, 5, 5, 4, 3, 2, 1],
  forwardReturn: [0.01, 0.02, 0.03, 0.04, 0.05, 0.01, 0.03, 0.02, 0.05, 0.04],
};

describe('icPerDate', () => {
  it('per date IC and rank IC, their mean, std, IR and cumulative sums (worked by hand)', () => {
    const r = icPerDate(ROWS);
    expect(Array.from(r.dates)).toEqual([1, 2]);
    expect(Array.from(r.names)).toEqual([5, 5]);
    expect(r.ic[0]).toBeCloseTo(1, 14);
    expect(r.ic[1]).toBeCloseTo(-0.8, 14);
    expect(r.rankIc[1]).toBeCloseTo(-0.8, 14); // the values are their own ranks
    expect(r.icMean).toBeCloseTo(0.1, 14);
    // std = √(((1 − 0.1)² + (−0.8 − 0.1)²) / 1) = √1.62
    expect(r.icStd).toBeCloseTo(Math.sqrt(1.62), 14);
    expect(r.icIr).toBeCloseTo(0.1 / Math.sqrt(1.62), 12);
    expect(Array.from(r.cumulativeIc).map((x) => +x.toFixed(12))).toEqual([1, 0.2]);
  });

  it('drops rows with a missing score or return and skips dates with fewer than two names', () => {
    const r = icPerDate({
      ts: [...ROWS.ts, 3, 3, 4, 4],
      score: [...ROWS.score, 1, Number.NaN, 1, 1],
      forwardReturn: [...ROWS.forwardReturn, 0.1, 0.2, 0.1, 0.2],
    });
    // date 3 keeps one row (dropped); date 4 has a constant score → IC undefined, excluded from the mean.
    expect(Array.from(r.dates)).toEqual([1, 2, 4]);
    expect(Number.isNaN(r.ic[2])).toBe(true);
    expect(r.icMean).toBeCloseTo(0.1, 14);
    expect(r.cumulativeIc[2]).toBeCloseTo(0.2, 12);
  });
});

describe('quantileReturns', () => {
  it('one name per quintile: group means per date, over dates, and the long–short spread', () => {
    const q = quantileReturns(ROWS, 5);
    // Date 2 sorted by score ascending: returns 0.04, 0.05, 0.02, 0.03, 0.01 → LS = 0.01 − 0.04.
    expect(q.byQuantile.map((g) => +g[1].toFixed(12))).toEqual([0.04, 0.05, 0.02, 0.03, 0.01]);
    expect(Array.from(q.longShort).map((x) => +x.toFixed(12))).toEqual([0.04, -0.03]);
    expect(q.longShortMean).toBeCloseTo(0.005, 14);
    expect(Array.from(q.meanByQuantile).map((x) => +x.toFixed(12))).toEqual([
      0.025, 0.035, 0.025, 0.035, 0.03,
    ]);
  });

  it('uses every name: rank r of m goes to group ⌊r·N/m⌋ (7 names into 3 groups of 3, 2, 2)', () => {
    // ranks 0..6 → groups 0,0,0,1,1,2,2 (⌊0/7⌋, ⌊3/7⌋, ⌊6/7⌋, ⌊9/7⌋, ⌊12/7⌋, ⌊15/7⌋, ⌊18/7⌋)
    const q = quantileReturns(
      {
        ts: [0, 0, 0, 0, 0, 0, 0],
        score: [7, 6, 5, 4, 3, 2, 1],
        forwardReturn: [70, 60, 50, 40, 30, 20, 10],
      },
      3,
    );
    expect(q.byQuantile.map((g) => g[0])).toEqual([20, 45, 65]);
    expect(q.longShort[0]).toBe(45);
  });

  it('skips dates with fewer names than quantiles', () => {
    const q = quantileReturns(
      { ts: [1, 1, 2, 2, 2], score: [1, 2, 1, 2, 3], forwardReturn: [1, 2, 1, 2, 3] },
      3,
    );
    expect(Array.from(q.dates)).toEqual([2]);
  });
});

describe('signalAnalysis', () => {
  it('matches a naive per-date re-implementation on random data', () => {
    const rng = createRng('signal');
    const ts: number[] = [];
    const score: number[] = [];
    const ret: number[] = [];
    for (let d = 0; d < 40; d++) {
      for (let s = 0; s < 12; s++) {
        const x = rng.next();
        ts.push(d * 86_400_000);
        score.push(Math.round(x * 8) / 8); // ties
        ret.push(0.3 * x + rng.next() - 0.5);
      }
    }
    const a = signalAnalysis({ ts, score, forwardReturn: ret });
    const naiveIc: number[] = [];
    for (let d = 0; d < 40; d++) {
      const xs = score.slice(d * 12, d * 12 + 12);
      const ys = ret.slice(d * 12, d * 12 + 12);
      const mx = xs.reduce((s, v) => s + v, 0) / 12;
      const my = ys.reduce((s, v) => s + v, 0) / 12;
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      for (let i = 0; i < 12; i++) {
        sxy += (xs[i] - mx) * (ys[i] - my);
        sxx += (xs[i] - mx) ** 2;
        syy += (ys[i] - my) ** 2;
      }
      naiveIc.push(sxy / Math.sqrt(sxx * syy));
    }
    for (const [d, v] of naiveIc.entries()) expect(a.ic.ic[d]).toBeCloseTo(v, 12);
    expect(a.ic.icMean).toBeCloseTo(naiveIc.reduce((s, v) => s + v, 0) / 40, 12);
    expect(a.ic.icMean).toBeGreaterThan(0.2); // the score carries signal by construction
    expect(a.quantiles.longShortMean).toBeGreaterThan(0);
    const sum = signalSummary(a);
    expect(sum.rows).toBe(480);
    expect(sum.dates).toBe(40);
    expect(sum.quantile_returns).toHaveLength(5);
  });

  it('summary reports undefined statistics as null', () => {
    const sum = signalSummary(signalAnalysis({ ts: [1, 1], score: [1, 1], forwardReturn: [1, 2] }));
    expect(sum.ic_mean).toBeNull();
    expect(sum.long_short).toBeNull();
    expect(sum.dates).toBe(1);
  });
});
