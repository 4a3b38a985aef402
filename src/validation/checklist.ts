import type { ThresholdsParams } from '../config/index.js';
import { localDate } from '../data/index.js';
import { roundDeep } from '../pipeline/index.js';
import { type Criterion, deltas, nearZeroBaseline } from './criteria.js';
import type { ValidationOutcome } from './run-validation.js';

/** Identity of what is being validated, for the checklist header and the commands. */
export interface ChecklistContext {
  timestamp: string;
  candidateDir: string;
  candidateModel: string;
  candidateSha256: string;
  /** config_hash recorded in the candidate's metadata: binds the checklist to that training run. */
  candidateConfigHash?: string;
  baselineModel: string;
  configHash: string;
  registryRoot: string;
  /** Exchange timezone: dates shown are session dates there. */
  tz: string;
  /** Where params.yaml disagreed with the model (shown only when there are some). */
  notes?: string[];
  /** What the reader must know before trusting the comparison (shown only when there are some). */
  warnings?: string[];
}

const METRIC_KEYS = [
  'precision_long',
  'hit_ratio',
  'accuracy',
  'sharpe_ratio',
  'sortino_ratio',
  'total_return',
  'max_drawdown',
  'win_rate',
  'num_trades',
  'exposure',
  'turnover_per_bar',
] as const;

function pick(summary: Record<string, number>) {
  return Object.fromEntries(METRIC_KEYS.map((k) => [k, summary[k]]));
}

/** Every baseline run (the criteria's first, then the others) by policy version. */
function baselineTable(o: ValidationOutcome) {
  return Object.fromEntries(
    [o.baseline, ...(o.others ?? [])].map((r) => [
      r.policy?.version ?? 'baseline',
      { name: r.policy?.name ?? 'baseline', ...pick(r.summary) },
    ]),
  );
}

/** Machine-readable checklist in the reference structure (plus significance and the full criteria list). */
export function checklistJson(
  o: ValidationOutcome,
  t: ThresholdsParams,
  v: { criteria: Criterion[]; recommendation: string; reason: string },
  ctx: ChecklistContext,
) {
  const pass = (k: string) => v.criteria.find((c) => c.key === k)?.pass ?? false;
  return roundDeep({
    timestamp: ctx.timestamp,
    candidate_model: ctx.candidateModel,
    candidate_model_sha256: ctx.candidateSha256,
    candidate_config_hash: ctx.candidateConfigHash ?? null,
    baseline_model: ctx.baselineModel,
    config_hash: ctx.configHash,
    validation_period: {
      start: localDate(Date.parse(o.window.start), ctx.tz),
      end: localDate(Date.parse(o.window.end), ctx.tz),
      symbols: o.window.symbols,
    },
    candidate_metrics: pick(o.candidate.summary),
    baseline_metrics: pick(o.baseline.summary),
    deltas: deltas(o),
    significance: o.significance,
    calibration: o.calibration,
    validation_thresholds: t,
    ...(ctx.notes && ctx.notes.length > 0 ? { params_mismatch: ctx.notes } : {}),
    ...(o.others && o.others.length > 0 ? { baselines: baselineTable(o) } : {}),
    ...(o.measurability ? { measurability: o.measurability } : {}),
    ...(o.frequency ? { frequency: o.frequency } : {}),
    ...(ctx.warnings && ctx.warnings.length > 0 ? { warnings: ctx.warnings } : {}),
    validation_results: {
      precision_pass: pass('precision'),
      hit_ratio_pass: pass('hit_ratio'),
      sharpe_pass: pass('sharpe'),
      calibration_pass: pass('calibration'),
      significance_pass: pass('significance'),
      robustness_pass: pass('robustness'),
      all_criteria_pass: v.criteria.every((c) => c.pass),
    },
    criteria: v.criteria,
    recommendation: v.recommendation,
    reason: v.reason,
  });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const plus = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;

function sharpeLine(o: ValidationOutcome, t: ThresholdsParams): string {
  const d = deltas(o);
  if (nearZeroBaseline(o)) {
    return `- **Sharpe Uplift**: ${plus(d.sharpe_difference)} absolute (the baseline Sharpe ${num(o.baseline.summary.sharpe_ratio)} is near zero, so a relative uplift would mean nothing; threshold: ${plus(t.min_sharpe_uplift)})`;
  }
  return `- **Sharpe Uplift**: ${signed(d.sharpe_uplift)} relative, ${d.sharpe_difference >= 0 ? '+' : ''}${num(d.sharpe_difference)} absolute (threshold: ${signed(t.min_sharpe_uplift)})`;
}

function measurabilityText(o: ValidationOutcome): string {
  const m = o.measurability;
  if (m === undefined || m.measurable) return '';
  return `\n## Not measurable\n\nThe candidate made ${m.trades} trade(s) in the test period, fewer than validation.min_trades (${m.min_trades}): its Sharpe ratio (${num(o.candidate.summary.sharpe_ratio)}) and the significance tests are not measurable, and the Sharpe and p-value criteria cannot pass.\n`;
}

/** Candidate and every baseline in one table (shown when more than one baseline ran). */
function sideBySide(o: ValidationOutcome): string {
  const others = o.others ?? [];
  if (others.length === 0) return '';
  const runs = [o.candidate, o.baseline, ...others];
  const head = ['', 'candidate', `${o.baseline.policy.name} (criteria)`, ...others.map((r) => r.policy.name)];
  const row = (label: string, f: (s: Record<string, number>) => string) =>
    `| ${label} | ${runs.map((r) => f(r.summary)).join(' | ')} |`;
  return `### Baselines side by side (same bars, same costs)

| ${head.join(' | ')} |
| ${head.map(() => '---').join(' | ')} |
${row('Precision (LONG)', (s) => pct(s.precision_long))}
${row('Hit ratio', (s) => pct(s.hit_ratio))}
${row('Sharpe', (s) => num(s.sharpe_ratio))}
${row('Total return', (s) => pct(s.total_return))}
${row('Max drawdown', (s) => pct(s.max_drawdown))}
${row('Exposure', (s) => pct(s.exposure))}
${row('Trades', (s) => String(s.num_trades))}

`;
}
const signed = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
const num = (x: number) => x.toFixed(2);

function fmtCriterion(c: Criterion): string {
  // Uplifts are signed differences; ECE and p-values are plain numbers; robustness is a share.
  const fmt = (x: number) =>
    c.key === 'calibration' || c.key === 'significance'
      ? x.toFixed(3)
      : c.key === 'robustness'
        ? pct(x)
        : signed(x);
  const f = c.absolute ? (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}` : fmt;
  const v = c.value === null ? 'n/a' : f(c.value);
  const thr = f(c.threshold);
  return `${c.pass ? '✅' : '❌'} **${c.label}**: ${v} ${c.comparator} ${thr} (${c.pass ? 'PASS' : 'FAIL'})`;
}

/** Human checklist (Markdown) with metrics, criteria, pre-deployment list, sign-offs and working commands. */
export function checklistMarkdown(
  o: ValidationOutcome,
  t: ThresholdsParams,
  v: { criteria: Criterion[]; recommendation: string; reason: string },
  ctx: ChecklistContext,
): string {
  const c = o.candidate.summary;
  const b = o.baseline.summary;
  const d = deltas(o);
  const perf = (s: Record<string, number>) =>
    [
      `- **Precision (LONG)**: ${pct(s.precision_long)}`,
      `- **Hit Ratio**: ${pct(s.hit_ratio)}`,
      `- **Overall Accuracy**: ${pct(s.accuracy)}`,
      `- **Sharpe Ratio**: ${num(s.sharpe_ratio)} (Sortino ${num(s.sortino_ratio)})`,
      `- **Total Return**: ${pct(s.total_return)}`,
      `- **Max Drawdown**: ${pct(s.max_drawdown)}`,
      `- **Win Rate**: ${pct(s.win_rate)}`,
      `- **Trades**: ${s.num_trades} · exposure ${pct(s.exposure)} · turnover ${s.turnover_per_bar.toFixed(3)}/bar`,
    ].join('\n');
  const root = ctx.registryRoot;
  return `# Student Model Promotion Checklist

**Model**: \`${ctx.candidateModel}\` (sha256 \`${ctx.candidateSha256.slice(0, 16)}…\`)
**Generated**: ${ctx.timestamp}
**Config hash**: \`${ctx.configHash}\`
**Validation Period**: ${localDate(Date.parse(o.window.start), ctx.tz)} to ${localDate(Date.parse(o.window.end), ctx.tz)} (out of sample, ${o.window.symbols.length} symbols)
**Baseline**: \`${ctx.baselineModel}\`

## Recommendation: ${v.recommendation}

${v.reason}
${ctx.notes && ctx.notes.length > 0 ? `\n## Params differ from the model\n\n${ctx.notes.map((n) => `- ${n}`).join('\n')}\n` : ''}${ctx.warnings && ctx.warnings.length > 0 ? `\n## Warnings\n\n${ctx.warnings.map((n) => `- ⚠️ ${n}`).join('\n')}\n` : ''}${measurabilityText(o)}
## Performance Summary

### Candidate Model Performance

${perf(c)}

### Baseline Model Performance

${perf(b)}

${sideBySide(o)}### Delta (Candidate - Baseline)

- **Precision Uplift**: ${signed(d.precision_uplift)} (threshold: ${signed(t.min_precision_uplift)})
- **Hit Ratio Uplift**: ${signed(d.hit_ratio_uplift)} (threshold: ${signed(t.min_hit_ratio_uplift)})
${sharpeLine(o, t)}
- **Return Uplift**: ${signed(d.return_uplift)}
- **Drawdown Change**: ${signed(d.drawdown_improvement)}
- **Win Rate Uplift**: ${signed(d.win_rate_uplift)}

## Statistical Significance

- Stationary block bootstrap (${o.significance.resamples} resamples, mean block ${o.significance.mean_block} bars) of paired portfolio returns: one-sided p-value of the Sharpe uplift = **${o.significance.p_value.toFixed(3)}**
- Probabilistic Sharpe ratio PSR(0) = ${o.significance.psr.toFixed(3)}; deflated Sharpe ratio = ${o.significance.dsr.toFixed(3)} over ${o.significance.dsr_trials} configuration(s) tried
- Robustness: candidate beats baseline Sharpe on ${pct(o.significance.robustness)} of symbols
- Calibration: ECE (15 bins, top label) = ${o.calibration.expected_calibration_error === null ? 'n/a' : o.calibration.expected_calibration_error.toFixed(4)} on ${o.calibration.rows} labelled bars

## Validation Criteria

${v.criteria.map(fmtCriterion).join('\n')}
${v.recommendation === 'PROMOTE' ? '✅' : '❌'} **All Criteria**: ${v.recommendation === 'PROMOTE' ? 'PASS' : 'FAIL'} (require_all_criteria=${t.require_all_criteria})

## Pre-Deployment Checklist

- [ ] Validation criteria met for all symbols (see comparison_baseline.json per symbol)
- [ ] Out-of-sample period representative of current market conditions
- [ ] Calibration plot reviewed (no over/under-confidence): \`dvc plots show\`
- [ ] Model metadata verified (teacher link, config hash, training window)
- [ ] Current production model archived (automatic: \`registry status\`)
- [ ] Telemetry monitoring alerts configured
- [ ] Rollback procedure rehearsed (\`rollback --dry-run\`)

## Approval Sign-offs

- [ ] **ML Lead**: _______________ Date: ___________
- [ ] **Quant Team Lead**: _______________ Date: ___________
- [ ] **Risk Manager**: _______________ Date: ___________

## Promotion Commands

\`\`\`bash
# 1. Check the candidate (checksums, metadata, teacher link, this checklist)
npm run -s cli -- validate-promotion ${ctx.candidateDir}
# 2. Preview, then promote (archives the current model and switches atomically)
npm run -s cli -- promote ${ctx.candidateDir} --dry-run
npm run -s cli -- promote ${ctx.candidateDir}
# 3. Confirm
npm run -s cli -- registry status
\`\`\`

## Rollback Procedure

If live accuracy falls below 90% of the validation accuracy for 3 consecutive days:

\`\`\`bash
npm run -s cli -- rollback --reason "live accuracy below 90% of validation"        # previous model
npm run -s cli -- rollback --to <version> --reason "..."                           # a given archived version
npm run -s cli -- registry status                                                  # verify checksums
\`\`\`
Registry root: \`${root}\`; every action is appended to \`${root}/audit.jsonl\`.
`;
}
