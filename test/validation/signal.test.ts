import { describe, expect, it } from 'vitest';
import { generateSyntheticMarket } from '../../src/data/index.js';
import type { FeatureTable } from '../../src/features/index.js';
import { labelForwardReturns } from '../../src/labels/index.js';
import {
  type Policy,
  policySignalRows,
  runValidation,
  smaPolicy,
  type PolicyRun,
} from '../../src/validation/index.js';

const SYMBOLS = ['TCS', 'INFY', 'ITC', 'SBIN', 'ONGC'];
const bars = generateSyntheticMarket({
  seed: 11,
  symbols: SYMBOLS,
  start: '2023-01-01',
  end: '2023-12-31',
  frequency: '1d',
});
const tables = bars.map(
  (b) => ({ symbol: b.symbol, ts: b.ts, names: [], columns: [], firstValid: 0 }) as FeatureTable,
);
const inputs = {
  bars,
  tables,
  startMs: bars[0].ts[100],
  endMs: Number.POSITIVE_INFINITY,
  frequency: '1d' as const,
  barsPerYear: 252,
  costs: { commissionBps: 3, slippageBps: 5 },
  horizon: 5,
  minHoldingReturn: 0.005,
  bootstrapSamples: 200,
  seed: 1,
  trials: 1,
};

/** Probabilities that know the forward return: p(LONG) − p(SHORT) increases (or, flipped, decreases) with it. */
function foresight(sign: 1 | -1): Policy {
  return {
    name: 'foresight',
    version: `test:foresight${sign}`,
    decide(b, _t, lo, hi) {
      const fwd = labelForwardReturns(b, { horizon: 5, minHoldingReturn: 0.005 }).forwardReturn;
      const m = hi - lo;
      const proba = new Float64Array(m * 3);
      for (let i = 0; i < m; i++) {
        const f = Number.isFinite(fwd[lo + i]) ? fwd[lo + i] : 0;
        const up = 1 / (1 + Math.exp(-sign * 50 * f));
        proba.set([0.9 * up, 0.9 * (1 - up), 0.1], i * 3);
      }
      return { target: new Int8Array(m), pred: new Int8Array(m), confidence: new Float64Array(m), proba };
    },
  };
}

describe('validation signal analysis', () => {
  it('a score that ranks the forward returns perfectly has rank IC 1 and rising quintiles; flipped, −1', () => {
    const base = smaPolicy({ threshold: 0.5, allowShort: true });
    const good = runValidation(foresight(1), base, inputs).signal;
    const n = bars[0].ts.length;
    // Every window bar of every symbol except the last `horizon` ones (no forward return).
    expect(good.rows).toBe(SYMBOLS.length * (n - 100 - 5));
    expect(good.dates).toBe(n - 100 - 5);
    expect(good.rank_ic_mean).toBeCloseTo(1, 12);
    expect(good.ic_mean as number).toBeGreaterThan(0.9);
    const q = good.quantile_returns as number[];
    for (let k = 1; k < q.length; k++) expect(q[k]).toBeGreaterThan(q[k - 1]);
    expect(good.long_short).toBeCloseTo(q[4] - q[0], 12);
    const bad = runValidation(foresight(-1), base, inputs).signal;
    expect(bad.rank_ic_mean).toBeCloseTo(-1, 12);
    expect(bad.long_short).toBeCloseTo(-(good.long_short as number), 12);
  });

  it('keeps the bootstrap distribution of the uplift in memory', () => {
    const o = runValidation(foresight(1), smaPolicy({ threshold: 0.5, allowShort: true }), inputs);
    expect(o.upliftDistribution).toHaveLength(200);
  });

  it('policySignalRows pools symbols: score p(LONG) − p(SHORT) and the forward return at lo + i', () => {
    const run = {
      perSymbol: [
        {
          symbol: 'A',
          lo: 2,
          ts: Float64Array.from([10, 11]),
          sim: { returns: new Float64Array(2) },
          decisions: { proba: Float64Array.from([0.5, 0.2, 0.3, Number.NaN, Number.NaN, Number.NaN]) },
        },
        {
          symbol: 'B',
          lo: 0,
          ts: Float64Array.from([10]),
          sim: { returns: new Float64Array(1) },
          decisions: { proba: null },
        },
      ],
    } as unknown as Pick<PolicyRun, 'perSymbol'>;
    const fwd = new Map([['A', Float64Array.from([9, 9, 0.01, 0.02])]]);
    const rows = policySignalRows(run, (s) => fwd.get(s));
    expect(Array.from(rows.ts)).toEqual([10, 11, 10]);
    expect(
      Array.from(rows.score as Float64Array).map((x) => (Number.isNaN(x) ? 'NaN' : +x.toFixed(12))),
    ).toEqual([0.3, 'NaN', 'NaN']);
    expect(Array.from(rows.forwardReturn as Float64Array).map((x) => (Number.isNaN(x) ? 'NaN' : x))).toEqual([
      0.01,
      0.02,
      'NaN',
    ]);
  });
});
