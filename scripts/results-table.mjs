// Prints the README results tables (Markdown) from the metrics files of the last `npm run repro`.
import { readFileSync } from 'node:fs';

const read = (p) => JSON.parse(readFileSync(p, 'utf8'));
const t = read('data/models/teacher/evaluation_metrics.json');
const s = read('data/models/student/evaluation_metrics.json');
const v = read('reports/validation/promotion_checklist.json');
const stats = read('data/models/teacher/dataset_stats.json');
const f = (x, d = 3) => (x === null || x === undefined ? 'n/a' : Number(x).toFixed(d));
const out = [];
out.push(
  `Default params (\`params.yaml\`): 36 symbols, daily bars 2022-01-01 → 2024-12-31, horizon ${read('data/models/teacher/metadata.json').teacher_params.horizon} bars, ` +
    `${stats.total_samples} labelled rows (train ${stats.splits.train} / valid ${stats.splits.valid} / test ${stats.splits.test}, ` +
    `${stats.excluded.embargo} embargoed); test period ${stats.splits.test_start} → ${stats.date_range_actual.end}.`,
  '',
  '| held-out test period | teacher (GBDT) | student (logistic, distilled + calibrated) |',
  '| --- | --- | --- |',
);
const row = (label, a, b, d) => out.push(`| ${label} | ${f(a, d)} | ${f(b, d)} |`);
row('macro ROC AUC (one-vs-rest)', t.test_metrics.macro_auc, s.test_metrics.macro_auc);
for (const c of ['LONG', 'SHORT', 'NOOP']) row(`AUC ${c}`, t.test_metrics.auc[c], s.test_metrics.auc[c]);
row('accuracy', t.test_metrics.accuracy, s.test_metrics.accuracy);
row('macro F1', t.test_metrics.macro_avg_f1, s.test_metrics.macro_avg_f1);
row('log loss', t.test_metrics.log_loss, s.test_metrics.log_loss);
row(
  'ECE (15 bins, top label)',
  t.calibration_metrics.expected_calibration_error,
  s.calibration_metrics.expected_calibration_error,
  4,
);
row('multiclass Brier', t.calibration_metrics.brier_score, s.calibration_metrics.brier_score, 4);
// Every baseline that ran (the criteria's first), side by side; older checklists have only baseline_metrics.
const baselines = v.baselines ? Object.values(v.baselines) : [{ name: 'SMA 20/50', ...v.baseline_metrics }];
out.push(
  '',
  `Validation backtest of the student vs ${baselines[0].name} (the criteria's baseline; same bars, next-open execution, 3 + 5 bps per side): **${v.recommendation}** — ${v.reason}`,
  '',
);
out.push(
  `| portfolio, test period | student | ${baselines.map((b, i) => (i === 0 ? `${b.name} (criteria)` : b.name)).join(' | ')} |`,
  `| --- | --- | ${baselines.map(() => '---').join(' | ')} |`,
);
const c = v.candidate_metrics;
for (const [k, label, d] of [
  ['precision_long', 'precision (LONG)', 3],
  ['hit_ratio', 'hit ratio', 3],
  ['accuracy', 'decision accuracy', 3],
  ['sharpe_ratio', 'Sharpe (annualised)', 2],
  ['total_return', 'total return', 3],
  ['max_drawdown', 'max drawdown', 3],
  ['num_trades', 'trades', 0],
])
  out.push(`| ${label} | ${f(c[k], d)} | ${baselines.map((b) => f(b[k], d)).join(' | ')} |`);
out.push(
  '',
  `Bootstrap p-value of the Sharpe uplift ${f(v.significance.p_value)}, PSR ${f(v.significance.psr)}, DSR ${f(v.significance.dsr)} (${v.significance.dsr_trials} configuration), robustness ${f(v.significance.robustness, 2)} of symbols.`,
);
process.stdout.write(`${out.join('\n')}\n`);
