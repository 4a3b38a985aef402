import { roundDeep } from '../pipeline/index.js';
import type { Criterion } from './criteria.js';
import type { InformationCoefficient } from './information-coefficient.js';
import type { PolicyRun, ValidationOutcome } from './run-validation.js';

/**
 * The validation headline DVC compares across experiments (`dvc exp show`), numbers only, in column order:
 * the recommendation as 1 (PROMOTE) or 0 (REJECT), Sharpe of the candidate and of the criteria's baseline,
 * the Sharpe uplift and bootstrap p-value exactly as the checklist judged them (null when the candidate
 * traded too little to measure), deflated Sharpe ratio and rank information coefficient.
 */
export function validationHeadline(
  o: ValidationOutcome,
  verdict: { criteria: Criterion[]; recommendation: 'PROMOTE' | 'REJECT' },
  ic: InformationCoefficient | null,
): Record<string, number | null> {
  const judged = (key: string) => verdict.criteria.find((c) => c.key === key)?.value ?? null;
  return roundDeep(
    {
      promote: verdict.recommendation === 'PROMOTE' ? 1 : 0,
      sharpe: o.candidate.summary.sharpe_ratio,
      sharpe_base: o.baseline.summary.sharpe_ratio,
      uplift: judged('sharpe'),
      p_value: judged('significance'),
      dsr: o.significance.dsr,
      ic: ic?.spearman ?? null,
    },
    4,
  );
}

/**
 * Equity (growth of 1, compounded portfolio returns) and drawdown (equity / running peak − 1) per bar of
 * the candidate and the criteria's baseline: the rows of the DVC equity plot.
 */
export function equityRows(o: ValidationOutcome): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  const add = (role: string, run: PolicyRun) => {
    const series = `${role}: ${run.policy.name}`;
    let equity = 1;
    let peak = 1;
    const { ts, returns } = run.portfolio;
    for (let i = 0; i < returns.length; i++) {
      equity *= 1 + returns[i];
      peak = Math.max(peak, equity);
      rows.push({ series, date: new Date(ts[i]).toISOString(), equity, drawdown: equity / peak - 1 });
    }
  };
  add('candidate', o.candidate);
  add('baseline', o.baseline);
  return roundDeep(rows);
}
