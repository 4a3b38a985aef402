import { ArtifactError } from '../core/index.js';
import { readRawBars } from '../data/index.js';
import { readFeatureDir } from '../features/index.js';
import { validateCandidate } from '../validation/index.js';
import type { ReportContext } from './report-context.js';
import type { ValidationReport } from './validation-report.js';

/** One policy's portfolio path over the validation window. */
export interface PolicyCurve {
  name: string;
  role: 'candidate' | 'baseline' | 'other';
  /** Growth of 1 (compounded per-bar portfolio returns, costs included). */
  equity: Float64Array;
  /** equity / running peak − 1 (≤ 0). */
  drawdown: Float64Array;
}

/** Equity curves and the bootstrap distribution behind the promotion decision. */
export interface PromotionCurves {
  ts: Float64Array;
  tz: string;
  curves: PolicyCurve[];
  bootstrap: {
    /** Bootstrap distribution of the annualised Sharpe uplift (ascending). */
    distribution: Float64Array;
    /** Observed uplift SR(candidate) − SR(baseline), annualised. */
    observed: number;
    pValue: number;
    ci: [number, number];
    meanBlock: number;
  };
}

function curve(name: string, role: PolicyCurve['role'], returns: Float64Array): PolicyCurve {
  const equity = new Float64Array(returns.length);
  const drawdown = new Float64Array(returns.length);
  let e = 1;
  let peak = 1;
  for (let i = 0; i < returns.length; i++) {
    e *= 1 + returns[i];
    if (e > peak) peak = e;
    equity[i] = e;
    drawdown[i] = e / peak - 1;
  }
  return { name, role, equity, drawdown };
}

/**
 * Re-runs the validation core (the same code and seed as the validate stage, on the same artifacts) to get
 * what validation_results.json does not store: per-bar portfolio returns and the bootstrap distribution.
 * Refuses (ArtifactError) when the re-run's p-value differs from the written one: the report would
 * describe a different validation than the checklist.
 */
export function promotionCurves(ctx: ReportContext, written: ValidationReport): PromotionCurves {
  const tz = ctx.params.base.exchange_tz;
  const bars = readRawBars(ctx.paths.raw, tz);
  const tables = readFeatureDir(ctx.paths.features);
  const o = validateCandidate(ctx.params, bars, tables, { studentDir: ctx.paths.student }).outcome;
  const stored = written.checklist.significance.p_value;
  if (Math.abs(o.significance.p_value - stored) > 1e-6) {
    throw new ArtifactError(`${written.dir} is stale`, [
      {
        path: 'significance.p_value',
        file: written.dir,
        value: { written: stored, recomputed: o.significance.p_value },
        message: 'the validation re-run from the current artifacts and params.yaml gives a different p-value',
        fix: 're-run the validate stage (dvc repro validate)',
      },
    ]);
  }
  const curves = [
    curve(o.candidate.policy.name, 'candidate', o.candidate.portfolio.returns),
    curve(o.baseline.policy.name, 'baseline', o.baseline.portfolio.returns),
    ...(o.others ?? []).map((p) => curve(p.policy.name, 'other', p.portfolio.returns)),
  ];
  return {
    ts: o.candidate.portfolio.ts,
    tz,
    curves,
    bootstrap: {
      distribution: o.upliftDistribution,
      observed: o.candidate.summary.sharpe_ratio - o.baseline.summary.sharpe_ratio,
      pValue: o.significance.p_value,
      ci: o.significance.sharpe_uplift_ci,
      meanBlock: o.significance.mean_block,
    },
  };
}
