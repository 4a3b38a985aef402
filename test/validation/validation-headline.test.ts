import { describe, expect, it } from 'vitest';
import {
  equityRows,
  informationCoefficient,
  type PolicyRun,
  type ValidationOutcome,
  validationHeadline,
} from '../../src/validation/index.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 5, 3);

/** A policy run with only what the functions under test read. */
function run(name: string, returns: number[], proba: number[] | null = null): PolicyRun {
  return {
    policy: { name, version: name },
    perSymbol: [
      {
        symbol: 'TCS',
        lo: 2,
        sim: { returns: Float64Array.from(returns) },
        decisions: { proba: proba ? Float64Array.from(proba) : null },
      },
    ],
    portfolio: {
      ts: Float64Array.from(returns, (_, i) => T0 + i * DAY),
      returns: Float64Array.from(returns),
    },
    summary: { sharpe_ratio: name === 'cand' ? 1.23456 : 0.5 },
  } as unknown as PolicyRun;
}

describe('informationCoefficient', () => {
  it('correlates P(LONG) − P(SHORT) with the forward return at the same bar, skipping missing pairs', () => {
    // Rows (LONG, SHORT, NOOP): scores 0.6−0.1 = 0.5, NaN (warm-up), 0.2−0.5 = −0.3, 0.4−0.4 = 0, 0.7−0.2 = 0.5
    const proba = [
      0.6,
      0.1,
      0.3,
      Number.NaN,
      Number.NaN,
      Number.NaN,
      0.2,
      0.5,
      0.3,
      0.4,
      0.4,
      0.2,
      0.7,
      0.2,
      0.1,
    ];
    // forward returns of the whole series; the window starts at lo = 2; the last bar has none (NaN)
    const fwd = Float64Array.from([9, 9, 0.03, 0.5, -0.02, 0.01, Number.NaN]);
    const ic = informationCoefficient(run('cand', [0, 0, 0, 0, 0], proba), new Map([['TCS', fwd]]));
    // pairs: (0.5, 0.03), (−0.3, −0.02), (0, 0.01): score ranks 3,1,2 and forward ranks 3,1,2 → Spearman 1
    expect(ic.n).toBe(3);
    expect(ic.spearman).toBeCloseTo(1, 15);
    // Pearson from the textbook formula on the same three pairs
    const xs = [0.5, -0.3, 0];
    const ys = [0.03, -0.02, 0.01];
    const mx = xs.reduce((a, b) => a + b) / 3;
    const my = ys.reduce((a, b) => a + b) / 3;
    const sxy = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0);
    const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    const syy = ys.reduce((s, y) => s + (y - my) ** 2, 0);
    expect(ic.pearson).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 12);
  });

  it('is null with n = 0 for a rule policy (no probabilities)', () => {
    const ic = informationCoefficient(
      run('rule', [0.01, 0.02]),
      new Map([['TCS', Float64Array.from([0, 0, 1, 2])]]),
    );
    expect(ic).toMatchObject({ n: 0, spearman: null, pearson: null });
  });
});

describe('validation headline and equity rows', () => {
  const o = {
    candidate: run('cand', [0.1, -0.2, 0.05]),
    baseline: run('base', [0, 0.1, -0.1]),
    significance: { dsr: 0.987654 },
  } as unknown as ValidationOutcome;

  it('holds numbers only: the checklist’s judged values, rounded to 4 decimals, recommendation 1/0', () => {
    const verdict = {
      recommendation: 'PROMOTE' as const,
      criteria: [
        { key: 'sharpe', value: 0.123456 },
        { key: 'significance', value: 0.00449 },
      ],
    } as Parameters<typeof validationHeadline>[1];
    const ic = { spearman: 0.045678, pearson: 0.01, n: 10, score: '' };
    const h = validationHeadline(o, verdict, ic);
    expect(Object.keys(h)).toEqual(['promote', 'sharpe', 'sharpe_base', 'uplift', 'p_value', 'dsr', 'ic']);
    expect(h).toEqual({
      sharpe: 1.2346,
      sharpe_base: 0.5,
      uplift: 0.1235,
      p_value: 0.0045,
      dsr: 0.9877,
      ic: 0.0457,
      promote: 1,
    });
    // Not measurable: the checklist judged null, so the headline says null; REJECT is 0.
    const rejected = { recommendation: 'REJECT' as const, criteria: [{ key: 'sharpe', value: null }] };
    const r = validationHeadline(o, rejected as Parameters<typeof validationHeadline>[1], null);
    expect(r).toMatchObject({ uplift: null, p_value: null, ic: null, promote: 0 });
    expect(Object.values(r).every((v) => v === null || typeof v === 'number')).toBe(true);
  });

  it('compounds returns into equity and measures drawdown from the running peak', () => {
    const rows = equityRows(o);
    // candidate: 1.1, 1.1·0.8 = 0.88, 0.88·1.05 = 0.924; peak 1.1 → drawdown 0, −0.2, 0.924/1.1 − 1 = −0.16
    expect(rows.slice(0, 3)).toEqual([
      { series: 'candidate: cand', date: '2024-06-03T00:00:00.000Z', equity: 1.1, drawdown: 0 },
      { series: 'candidate: cand', date: '2024-06-04T00:00:00.000Z', equity: 0.88, drawdown: -0.2 },
      { series: 'candidate: cand', date: '2024-06-05T00:00:00.000Z', equity: 0.924, drawdown: -0.16 },
    ]);
    // baseline: 1, 1.1, 0.99 → drawdown 0, 0, −0.1
    expect(rows.slice(3).map((r) => [r.series, r.equity, r.drawdown])).toEqual([
      ['baseline: base', 1, 0],
      ['baseline: base', 1.1, 0],
      ['baseline: base', 0.99, -0.1],
    ]);
  });
});
