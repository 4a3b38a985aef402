import type { ThresholdsParams } from '../config/index.js';
import type { ValidationOutcome } from './run-validation.js';

/** One promotion criterion with its observed value, threshold and verdict. */
export interface Criterion {
  key: string;
  label: string;
  value: number | null;
  threshold: number;
  comparator: '≥' | '<' | '≤';
  pass: boolean;
  core: boolean;
  /** The value is an absolute Sharpe difference (baseline Sharpe near zero), not a relative uplift. */
  absolute?: boolean;
}

/** Relative Sharpe uplift (c − b)/|b|; with |b| < 0.1 the denominator is floored at 0.1 so a near-zero baseline cannot inflate it. */
export function relativeSharpeUplift(c: number, b: number): number {
  return (c - b) / Math.max(Math.abs(b), 0.1);
}

/**
 * Below this |baseline Sharpe| a relative uplift is meaningless (a baseline Sharpe of 0.06 turns a
 * difference of 0.6 into "+1000 %"): the uplift is then shown and judged as the absolute difference.
 */
export const NEAR_ZERO_SHARPE = 0.25;

/** True when the baseline's Sharpe is too close to zero for a relative uplift. */
export function nearZeroBaseline(o: ValidationOutcome): boolean {
  return Math.abs(o.baseline.summary.sharpe_ratio) < NEAR_ZERO_SHARPE;
}

/** Deltas candidate − baseline in the reference's names. */
export function deltas(o: ValidationOutcome) {
  const c = o.candidate.summary;
  const b = o.baseline.summary;
  return {
    precision_uplift: c.precision_long - b.precision_long,
    hit_ratio_uplift: c.hit_ratio - b.hit_ratio,
    accuracy_uplift: c.accuracy - b.accuracy,
    sharpe_uplift: relativeSharpeUplift(c.sharpe_ratio, b.sharpe_ratio),
    sharpe_difference: c.sharpe_ratio - b.sharpe_ratio,
    return_uplift: c.total_return - b.total_return,
    drawdown_improvement: c.max_drawdown - b.max_drawdown,
    win_rate_uplift: c.win_rate - b.win_rate,
  };
}

/** Evaluates every criterion against the thresholds from params. */
export function evaluateCriteria(
  o: ValidationOutcome,
  t: ThresholdsParams,
): { criteria: Criterion[]; recommendation: 'PROMOTE' | 'REJECT'; reason: string } {
  const d = deltas(o);
  const ece = o.calibration.expected_calibration_error;
  // Too few trades: Sharpe and significance are not measurable, so they cannot pass (no PROMOTE on them).
  const m = o.measurability;
  const measurable = m === undefined || m.measurable;
  const why = m === undefined ? '' : ` — not measurable: ${m.trades} trade(s) < min_trades ${m.min_trades}`;
  const absolute = nearZeroBaseline(o);
  const sharpeValue = absolute ? d.sharpe_difference : d.sharpe_uplift;
  const criteria: Criterion[] = [
    {
      key: 'precision',
      label: 'Precision (LONG) uplift',
      value: d.precision_uplift,
      threshold: t.min_precision_uplift,
      comparator: '≥',
      pass: d.precision_uplift >= t.min_precision_uplift,
      core: true,
    },
    {
      key: 'hit_ratio',
      label: 'Hit ratio uplift',
      value: d.hit_ratio_uplift,
      threshold: t.min_hit_ratio_uplift,
      comparator: '≥',
      pass: d.hit_ratio_uplift >= t.min_hit_ratio_uplift,
      core: true,
    },
    {
      key: 'sharpe',
      label: `${absolute ? 'Sharpe uplift (absolute: baseline Sharpe near zero)' : 'Sharpe uplift (relative)'}${measurable ? '' : why}`,
      value: measurable ? sharpeValue : null,
      threshold: t.min_sharpe_uplift,
      comparator: '≥',
      pass: measurable && sharpeValue >= t.min_sharpe_uplift,
      core: true,
      ...(absolute ? { absolute: true } : {}),
    },
    {
      key: 'calibration',
      label: 'Expected calibration error',
      value: ece,
      threshold: t.max_ece,
      comparator: '<',
      pass: ece !== null && ece < t.max_ece,
      core: false,
    },
    {
      key: 'significance',
      label: `Bootstrap p-value of Sharpe uplift${measurable ? '' : why}`,
      value: measurable ? o.significance.p_value : null,
      threshold: t.max_p_value,
      comparator: '≤',
      pass: measurable && o.significance.p_value <= t.max_p_value,
      core: false,
    },
    {
      key: 'robustness',
      label: 'Share of symbols beating baseline',
      value: o.significance.robustness,
      threshold: t.min_robustness,
      comparator: '≥',
      pass: o.significance.robustness >= t.min_robustness,
      core: false,
    },
  ];
  const considered = t.require_all_criteria ? criteria : criteria.filter((c) => c.core);
  const failed = considered.filter((c) => !c.pass);
  const recommendation = failed.length === 0 ? 'PROMOTE' : 'REJECT';
  const reason =
    failed.length === 0
      ? `All ${considered.length} validation criteria passed (require_all_criteria=${t.require_all_criteria}).`
      : `Failed: ${failed.map((c) => `${c.label} ${fmt(c.value)} (needs ${c.comparator} ${fmt(c.threshold)})`).join('; ')}.`;
  return { criteria, recommendation, reason };
}

function fmt(v: number | null): string {
  return v === null ? 'n/a' : Number.isInteger(v) ? String(v) : v.toFixed(4);
}
