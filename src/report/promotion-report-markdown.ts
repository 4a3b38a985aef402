import { REPORT_FILES, REPORT_NOTEBOOKS } from '../pipeline/index.js';
import { formatCell, markdownTable } from './table-html.js';
import {
  criteriaRows,
  perSymbolUpliftRows,
  policyComparisonRows,
  type ValidationReport,
} from './validation-report.js';

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : `${(100 * x).toFixed(2)}%`;

/**
 * reports/promotion_report.md: the recommendation and its reason, the criteria, candidate vs baselines,
 * significance, the signal analysis and the per-symbol uplift, with links to the HTML reports. Built only
 * from the validate stage's files, so the same inputs give the same bytes.
 */
export function promotionReportMarkdown(r: ValidationReport): string {
  const c = r.checklist;
  const s = c.significance;
  const sig = r.results.signal;
  const lines = [
    '# Promotion report',
    '',
    `**Recommendation: ${c.recommendation}** — ${c.reason}`,
    '',
    `- Candidate: \`${c.candidate_model}\` (sha256 \`${c.candidate_model_sha256.slice(0, 16)}…\`, config hash \`${c.config_hash}\`)`,
    `- Baseline (criteria): ${c.baseline_model}`,
    `- Validation window: ${c.validation_period.start} → ${c.validation_period.end}, ${c.validation_period.symbols.length} symbols, out of sample`,
    '',
    '## Criteria',
    '',
    markdownTable(criteriaRows(r)),
    '',
    '## Candidate and baselines (portfolio, same bars and costs)',
    '',
    markdownTable(policyComparisonRows(r)),
    '',
    '## Significance',
    '',
    `- Stationary block bootstrap of the paired portfolio returns (${s.resamples} resamples, mean block ${s.mean_block} bars): one-sided p-value of the Sharpe uplift **${formatCell(s.p_value)}**, 95% interval of the annualised uplift [${formatCell(s.sharpe_uplift_ci[0])}, ${formatCell(s.sharpe_uplift_ci[1])}]`,
    `- Probabilistic Sharpe ratio (vs 0): ${formatCell(s.psr)}; deflated Sharpe ratio: ${formatCell(s.dsr)} (${s.dsr_trials} configuration${s.dsr_trials === 1 ? '' : 's'} tried)`,
    `- Robustness: the candidate's Sharpe beats the baseline's on ${pct(s.robustness)} of symbols`,
    '',
  ];
  if (sig) {
    lines.push(
      '## Signal analysis (candidate score p(LONG) − p(SHORT) vs forward return, per date)',
      '',
      `- IC mean ${formatCell(sig.ic_mean)} (IR ${formatCell(sig.ic_ir)}), rank IC mean ${formatCell(sig.rank_ic_mean)} (IR ${formatCell(sig.rank_ic_ir)}) over ${sig.dates} dates, ${sig.rows} rows`,
      `- Mean forward return by score quintile (Q1 lowest → Q${sig.quantiles}): ${sig.quantile_returns.map(pct).join(', ')}; long–short ${pct(sig.long_short)} per date`,
      '',
    );
  }
  lines.push(
    '## Per-symbol Sharpe uplift',
    '',
    markdownTable(perSymbolUpliftRows(r), 3),
    '',
    '## HTML reports',
    '',
    ...REPORT_NOTEBOOKS.map((n) => `- [${n}](${REPORT_FILES.html(n)})`),
    '',
  );
  return lines.join('\n');
}
