import { describe, expect, it } from 'vitest';
import { validateParams } from '../../src/config/index.js';
import {
  accuracyMetrics,
  evaluateCriteria,
  relativeSharpeUplift,
  type ValidationOutcome,
} from '../../src/validation/index.js';

const thresholds = (() => {
  const r = validateParams({});
  if (!r.ok) throw new Error('defaults');
  return r.value.validation.thresholds;
})();

function outcome(
  c: Partial<Record<string, number>>,
  b: Partial<Record<string, number>>,
  sig: Partial<ValidationOutcome['significance']> = {},
  ece: number | null = 0.02,
): ValidationOutcome {
  const summary = (s: Partial<Record<string, number>>) => ({
    precision_long: 0.5,
    hit_ratio: 0.5,
    accuracy: 0.4,
    sharpe_ratio: 1,
    total_return: 0.1,
    max_drawdown: 0.05,
    win_rate: 0.5,
    ...s,
  });
  return {
    candidate: { summary: summary(c) },
    baseline: { summary: summary(b) },
    significance: {
      p_value: 0.01,
      robustness: 0.8,
      psr: 0.99,
      dsr: 0.95,
      dsr_trials: 1,
      mean_block: 5,
      resamples: 100,
      sharpe_uplift_ci: [0, 1],
      ...sig,
    },
    calibration: { expected_calibration_error: ece, rows: 100 },
    window: { start: '2024-01-01T00:00:00Z', end: '2024-06-30T00:00:00Z', symbols: ['A'], bars: 100 },
  } as unknown as ValidationOutcome;
}

describe('promotion criteria', () => {
  it('PROMOTE when every criterion passes (the reference example: 71.2/68.5, 66.8/63.2, 1.85/1.72)', () => {
    const v = evaluateCriteria(
      outcome(
        { precision_long: 0.712, hit_ratio: 0.668, sharpe_ratio: 1.85 },
        { precision_long: 0.685, hit_ratio: 0.632, sharpe_ratio: 1.72 },
      ),
      thresholds,
    );
    // Uplifts: precision 0.027 ≥ 0.02; hit 0.036 ≥ 0.02; Sharpe (1.85 − 1.72)/1.72 = 0.0756 ≥ 0.05.
    expect(v.criteria.find((c) => c.key === 'sharpe')?.value).toBeCloseTo(0.13 / 1.72, 10);
    expect(v.recommendation).toBe('PROMOTE');
  });

  it('REJECT names each failed criterion; the p-value gate counts only with require_all_criteria', () => {
    const o = outcome(
      { precision_long: 0.712, hit_ratio: 0.668, sharpe_ratio: 1.85 },
      { precision_long: 0.685, hit_ratio: 0.632, sharpe_ratio: 1.72 },
      { p_value: 0.08 + 0.1 },
    );
    const strict = evaluateCriteria(o, thresholds);
    expect(strict.recommendation).toBe('REJECT');
    expect(strict.reason).toBe('Failed: Bootstrap p-value of Sharpe uplift 0.1800 (needs ≤ 0.1000).');
    expect(evaluateCriteria(o, { ...thresholds, require_all_criteria: false }).recommendation).toBe(
      'PROMOTE',
    );
  });

  it('a missing calibration measurement fails the calibration criterion', () => {
    const v = evaluateCriteria(
      outcome({ precision_long: 0.8, hit_ratio: 0.8, sharpe_ratio: 3 }, {}, {}, null),
      thresholds,
    );
    expect(v.criteria.find((c) => c.key === 'calibration')?.pass).toBe(false);
  });

  it('relative Sharpe uplift floors the baseline at 0.1 so a near-zero baseline cannot inflate it', () => {
    expect(relativeSharpeUplift(1.85, 1.72)).toBeCloseTo(0.0755814, 6);
    expect(relativeSharpeUplift(0.2, 0.01)).toBeCloseTo((0.2 - 0.01) / 0.1, 12);
    expect(relativeSharpeUplift(-0.5, -1)).toBeCloseTo(0.5, 12);
  });
});

describe('accuracyMetrics', () => {
  it('scores decisions against realised labels by hand', () => {
    // targets:  +1  +1  -1   0   0  +1
    // realised: L   S   S   N   L   -1 (unknown → skipped)
    // labelled = 5; right: bar0 (L=L), bar2 (S=S), bar3 (N=N) → 3/5 = 0.6
    // LONG decisions with a label: bars 0, 1 → precision 1/2
    const m = accuracyMetrics(Int8Array.from([1, 1, -1, 0, 0, 1]), Int8Array.from([0, 1, 1, 2, 0, -1]));
    expect(m).toEqual({ precision_long: 0.5, accuracy: 0.6, long_decisions: 2, labelled_bars: 5 });
  });
});
