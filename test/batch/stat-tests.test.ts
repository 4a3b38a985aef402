import { describe, expect, it } from 'vitest';
import { binomialUpperTail, statTests, type WindowRecord } from '../../src/batch/index.js';

const v = (i: number, sharpe: number, base: number, rec: 'PROMOTE' | 'REJECT', p: number): WindowRecord => ({
  run_id: 'r',
  stage: 'validation',
  window_index: i,
  symbol: 'S',
  window_label: `S_${i}`,
  start_date: '',
  end_date: '',
  status: 'success',
  artifacts_path: 'x',
  input_path: 'y',
  reason: null,
  message: null,
  metrics: {
    sharpe,
    baseline_sharpe: base,
    precision_long: 0.6,
    baseline_precision_long: 0.5,
    hit_ratio: 0.5,
    baseline_hit_ratio: 0.5,
    p_value: p,
    measurable: 1,
  },
  model_sha256: null,
  recommendation: rec,
  config_hash: 'h',
});

describe('phase 5 statistics', () => {
  it('binomial upper tail matches hand-computed values', () => {
    // P(X ≥ 9 | 10, ½) = (C(10,9) + C(10,10)) / 2^10 = 11/1024.
    expect(binomialUpperTail(9, 10)).toBeCloseTo(11 / 1024, 14);
    // P(X ≥ 2 | 3, ½) = (3 + 1) / 8.
    expect(binomialUpperTail(2, 3)).toBeCloseTo(0.5, 14);
    expect(binomialUpperTail(0, 5)).toBe(1);
    expect(binomialUpperTail(6, 5)).toBe(0);
  });

  it('counts wins, ties and PROMOTEs across windows', () => {
    const recs = [
      v(0, 1.5, 1, 'PROMOTE', 0.05),
      v(1, 0.5, 1, 'REJECT', 0.5),
      v(2, 2, 1, 'PROMOTE', 0.2),
      v(3, 1, 1, 'REJECT', 0.9),
    ];
    const st = statTests(recs, [], 0.1);
    // Uplifts 0.5, −0.5, 1, 0: two better, one worse, one tie (dropped) → P(X ≥ 2 | 3) = 0.5.
    expect(st.sharpe_uplift).toEqual({ mean: 0.25, median: 0.25, positive: 2, negative: 1 });
    expect(st.sign_test_p_value).toBeCloseTo(0.5, 12);
    expect(st.promote).toBe(2);
    expect(st.promote_share).toBe(0.5);
    expect(st.significant_windows).toBe(1);
    expect(st.precision_uplift_mean).toBeCloseTo(0.1, 12);
    expect(st.distillation_accuracy_gap_mean).toBeNull();
  });
});
