import { describe, expect, it } from 'vitest';
import { validateParams } from '../../src/config/index.js';
import { generateSyntheticMarket } from '../../src/data/index.js';
import type { FeatureTable } from '../../src/features/index.js';
import {
  baselineWarnings,
  buyAndHoldPolicy,
  checklistJson,
  checklistMarkdown,
  evaluateCriteria,
  type Policy,
  runValidation,
  smaPolicy,
  type ValidationOutcome,
} from '../../src/validation/index.js';

const r = validateParams({});
if (!r.ok) throw new Error('defaults');
const thresholds = r.value.validation.thresholds;

const bars = generateSyntheticMarket({
  seed: 7,
  symbols: ['TCS', 'INFY'],
  start: '2023-01-01',
  end: '2023-12-31',
  frequency: '1d',
});
// The rule and the fixed policies below never read features.
const tables = bars.map(
  (b) => ({ symbol: b.symbol, ts: b.ts, names: [], columns: [], firstValid: 0 }) as FeatureTable,
);
const costs = { commissionBps: 3, slippageBps: 5 };
const inputs = {
  bars,
  tables,
  startMs: bars[0].ts[100],
  endMs: Number.POSITIVE_INFINITY,
  frequency: '1d' as const,
  barsPerYear: 252,
  minTrades: 30,
  costs,
  horizon: 5,
  minHoldingReturn: 0.005,
  bootstrapSamples: 200,
  seed: 1,
  trials: 1,
};

/** Long on bars [a, b) of the window of the first symbol only: exactly one trade. */
const oneTrade: Policy = {
  name: 'one trade',
  version: 'test:one_trade',
  decide(b, _t, lo, hi) {
    const target = new Int8Array(hi - lo);
    if (b.symbol === 'INFY') target.fill(1, 10, 20);
    return {
      target,
      pred: Int8Array.from(target, (x) => (x > 0 ? 0 : 2)),
      confidence: new Float64Array(hi - lo).fill(1),
      proba: null,
    };
  },
};

describe('buy-and-hold baseline', () => {
  it('is long from the first open after the window start to the end, one trade per symbol, same costs', () => {
    const o = runValidation(buyAndHoldPolicy(), smaPolicy({ threshold: 0.5, allowShort: true }), inputs);
    for (const p of o.candidate.perSymbol) {
      const b = bars.find((x) => x.symbol === p.symbol)!;
      const lo = 100;
      const last = b.close.length - 1;
      // Entry at open[lo+1] costs 8 bps once; then held close to close: (c/o − u)·(c_last/c) − 1.
      const c1 = b.close[lo + 1];
      const expected = (c1 / b.open[lo + 1] - 8e-4) * (b.close[last] / c1) - 1;
      expect(p.metrics.totalReturn).toBeCloseTo(expected, 12);
      expect(p.metrics.numTrades).toBe(1);
    }
    expect(o.candidate.summary.num_trades).toBe(2);
    expect(o.candidate.summary.exposure).toBeGreaterThan(0.99);
  });

  it('runs beside the criteria baseline on the same bars (side by side)', () => {
    const o = runValidation(oneTrade, buyAndHoldPolicy(), inputs, [
      smaPolicy({ threshold: 0.5, allowShort: true }),
    ]);
    expect(o.baseline.policy.version).toBe('rule:buy_and_hold');
    expect(o.others?.map((x) => x.policy.version)).toEqual(['rule:sma_20_50']);
    expect(o.others?.[0].portfolio.ts).toEqual(o.baseline.portfolio.ts);
    const md = checklistMarkdown(o, thresholds, evaluateCriteria(o, thresholds), ctx);
    expect(md).toContain(
      '| | candidate | Buy and hold (criteria) | SMA20/50 crossover |'.replace('| |', '|  |'),
    );
    const j = checklistJson(o, thresholds, evaluateCriteria(o, thresholds), ctx);
    expect(Object.keys(j.baselines ?? {})).toEqual(['rule:buy_and_hold', 'rule:sma_20_50']);
  });
});

const ctx = {
  timestamp: '2024-01-01T00:00:00.000Z',
  candidateDir: 'x',
  candidateModel: 'x/student_model.json',
  candidateSha256: 'b'.repeat(64),
  baselineModel: 'rule: buy and hold',
  configHash: 'deadbeef',
  registryRoot: 'data/models',
  tz: 'Asia/Kolkata',
};

describe('a candidate with fewer trades than validation.min_trades', () => {
  const o = runValidation(oneTrade, buyAndHoldPolicy(), inputs);

  it('records the trade count and that Sharpe is not measurable', () => {
    expect(o.measurability).toEqual({ trades: 1, min_trades: 30, measurable: false });
  });

  it('Sharpe and significance criteria are n/a and fail, so no PROMOTE even without require_all', () => {
    for (const t of [thresholds, { ...thresholds, require_all_criteria: false }]) {
      const v = evaluateCriteria(o, t);
      const sharpe = v.criteria.find((c) => c.key === 'sharpe')!;
      const sig = v.criteria.find((c) => c.key === 'significance')!;
      expect(sharpe).toMatchObject({ value: null, pass: false });
      expect(sig).toMatchObject({ value: null, pass: false });
      expect(sharpe.label).toContain('not measurable: 1 trade(s) < min_trades 30');
      expect(v.recommendation).toBe('REJECT');
    }
    const md = checklistMarkdown(o, thresholds, evaluateCriteria(o, thresholds), ctx);
    expect(md).toContain('## Not measurable');
    expect(md).toContain('made 1 trade(s) in the test period, fewer than validation.min_trades (30)');
    expect(md).toMatch(/❌ \*\*Sharpe uplift .*not measurable.*\*\*: n\/a/);
  });
});

describe('Sharpe uplift against a near-zero baseline', () => {
  const outcome = (b: number) =>
    ({
      candidate: {
        summary: {
          precision_long: 0.6,
          hit_ratio: 0.6,
          accuracy: 0.5,
          sharpe_ratio: 0.66,
          total_return: 0.1,
          max_drawdown: 0.1,
          win_rate: 0.5,
          sortino_ratio: 1,
          num_trades: 100,
          exposure: 0.9,
          turnover_per_bar: 0.1,
        },
      },
      baseline: {
        summary: {
          precision_long: 0.5,
          hit_ratio: 0.5,
          accuracy: 0.4,
          sharpe_ratio: b,
          total_return: 0.01,
          max_drawdown: 0.1,
          win_rate: 0.5,
          sortino_ratio: 0.1,
          num_trades: 50,
          exposure: 0.9,
          turnover_per_bar: 0.1,
        },
      },
      significance: {
        p_value: 0.01,
        robustness: 1,
        psr: 0.9,
        dsr: 0.9,
        dsr_trials: 1,
        mean_block: 5,
        resamples: 100,
        sharpe_uplift_ci: [0, 1],
      },
      calibration: { expected_calibration_error: 0.02, rows: 100 },
      window: { start: '2024-01-01T00:00:00Z', end: '2024-06-30T00:00:00Z', symbols: ['A'], bars: 100 },
    }) as unknown as ValidationOutcome;

  it('is the absolute difference (0.66 − 0.063 = 0.597), not "+597 %"', () => {
    const o = outcome(0.063);
    const v = evaluateCriteria(o, thresholds);
    const s = v.criteria.find((c) => c.key === 'sharpe')!;
    expect(s.absolute).toBe(true);
    expect(s.value).toBeCloseTo(0.597, 12);
    const md = checklistMarkdown(o, thresholds, v, ctx);
    expect(md).toContain('- **Sharpe Uplift**: +0.60 absolute (the baseline Sharpe 0.06 is near zero');
    expect(md).toContain('**Sharpe uplift (absolute: baseline Sharpe near zero)**: +0.60 ≥ +0.05');
    expect(md).not.toContain('597');
  });

  it('stays relative for a baseline Sharpe away from zero', () => {
    const s = evaluateCriteria(outcome(0.5), thresholds).criteria.find((c) => c.key === 'sharpe')!;
    expect(s.absolute).toBeUndefined();
    expect(s.value).toBeCloseTo((0.66 - 0.5) / 0.5, 12);
  });
});

describe('a production baseline evaluated over its own training period', () => {
  const meta = (testStart?: string) => ({
    dir: 'data/models/production',
    metadata: { model_sha256: 'x', ...(testStart ? { data: { test_start: testStart } } : {}) } as never,
  });
  const start = Date.parse('2024-03-01T00:00:00+05:30');

  it('is flagged when the window starts before its out-of-sample period', () => {
    const w = baselineWarnings(meta('2024-06-01T00:00:00+05:30'), start, 'Asia/Kolkata');
    expect(w).toHaveLength(1);
    expect(w[0]).toContain('evaluated over its own training period');
    expect(w[0]).toContain('starts 2024-06-01, the validation window 2024-03-01');
    expect(baselineWarnings(meta('2024-01-01T00:00:00+05:30'), start, 'Asia/Kolkata')).toEqual([]);
    expect(baselineWarnings(meta(), start, 'Asia/Kolkata')[0]).toContain('records no test period');
  });

  it('the flag is shown in the checklist', () => {
    const o = runValidation(oneTrade, buyAndHoldPolicy(), inputs);
    const md = checklistMarkdown(o, thresholds, evaluateCriteria(o, thresholds), {
      ...ctx,
      warnings: ['W1'],
    });
    expect(md).toContain('## Warnings\n\n- ⚠️ W1');
    expect(
      checklistJson(o, thresholds, evaluateCriteria(o, thresholds), { ...ctx, warnings: ['W1'] }).warnings,
    ).toEqual(['W1']);
  });
});
