import type { WindowRecord } from './ledger.js';

/** What phase 5 concludes across the validated windows (no wall-clock: deterministic for a batch). */
export interface StatTests {
  windows: number;
  promote: number;
  promote_share: number | null;
  measurable: number;
  sharpe_uplift: { mean: number | null; median: number | null; positive: number; negative: number };
  /** One-sided exact sign test of H0 "the candidate beats the baseline in half the windows" (ties dropped). */
  sign_test_p_value: number | null;
  precision_uplift_mean: number | null;
  hit_ratio_uplift_mean: number | null;
  /** Windows whose own bootstrap p-value is at most `maxP`. */
  significant_windows: number;
  /** Student − teacher test accuracy per window (distillation fidelity). */
  distillation_accuracy_gap_mean: number | null;
}

const mean = (xs: number[]): number | null =>
  xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** P(X ≥ k) for X ~ Binomial(n, 1/2), summed in log space (exact for any n a batch has). */
export function binomialUpperTail(k: number, n: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  const logFact = new Float64Array(n + 1);
  for (let i = 1; i <= n; i++) logFact[i] = logFact[i - 1] + Math.log(i);
  let p = 0;
  for (let j = k; j <= n; j++) p += Math.exp(logFact[n] - logFact[j] - logFact[n - j] - n * Math.LN2);
  return Math.min(1, p);
}

function diffs(rs: WindowRecord[], a: string, b: string): number[] {
  const out: number[] = [];
  for (const r of rs) {
    const x = r.metrics?.[a];
    const y = r.metrics?.[b];
    if (typeof x === 'number' && typeof y === 'number') out.push(x - y);
  }
  return out;
}

/**
 * Phase 5: statistics across windows from the validation and student ledgers — how often the candidate
 * beats its baseline (exact sign test), the mean uplifts, and the student's fidelity to its teacher.
 */
export function statTests(validation: WindowRecord[], students: WindowRecord[], maxP: number): StatTests {
  const ok = validation.filter((r) => r.status === 'success');
  const uplift = diffs(ok, 'sharpe', 'baseline_sharpe');
  const positive = uplift.filter((d) => d > 0).length;
  const negative = uplift.filter((d) => d < 0).length;
  const pValues = ok.map((r) => r.metrics?.p_value).filter((p): p is number => typeof p === 'number');
  const promote = ok.filter((r) => r.recommendation === 'PROMOTE').length;
  return {
    windows: ok.length,
    promote,
    promote_share: ok.length === 0 ? null : promote / ok.length,
    measurable: ok.filter((r) => r.metrics?.measurable === 1).length,
    sharpe_uplift: { mean: mean(uplift), median: median(uplift), positive, negative },
    sign_test_p_value: positive + negative === 0 ? null : binomialUpperTail(positive, positive + negative),
    precision_uplift_mean: mean(diffs(ok, 'precision_long', 'baseline_precision_long')),
    hit_ratio_uplift_mean: mean(diffs(ok, 'hit_ratio', 'baseline_hit_ratio')),
    significant_windows: pValues.filter((p) => p <= maxP).length,
    distillation_accuracy_gap_mean: mean(
      diffs(
        students.filter((r) => r.status === 'success'),
        'accuracy',
        'teacher_accuracy',
      ),
    ),
  };
}
