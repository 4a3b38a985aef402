import { evaluateClassifier } from '../eval/index.js';
import { CLASSES, NUM_CLASSES } from '../labels/index.js';
import type { ModelProba } from './class-curves-figure.js';
import { baseLayout, COLORS, type Figure } from './figure.js';

/** One metric of every model compared on the same rows. */
export interface MetricRow {
  metric: string;
  /** Higher is better (false for losses and calibration errors). */
  higher_is_better: boolean;
  [model: string]: number | string | boolean | null;
}

/**
 * Scores each model on the same labels (evaluateClassifier, the code behind evaluation_metrics.json):
 * accuracy, macro F1, macro and per-class ROC AUC, log loss, ECE and Brier score, one row per metric.
 */
export function compareModels(y: Int32Array, models: readonly ModelProba[]): MetricRow[] {
  const reports = models.map((m) => evaluateClassifier(y, m.proba, NUM_CLASSES).report);
  const row = (metric: string, higher: boolean, pick: (r: (typeof reports)[number]) => number | null) => {
    const out: MetricRow = { metric, higher_is_better: higher };
    models.forEach((m, i) => {
      out[m.name] = pick(reports[i]);
    });
    return out;
  };
  return [
    row('accuracy', true, (r) => r.test_metrics.accuracy),
    row('macro F1', true, (r) => r.test_metrics.macro_avg_f1),
    row('macro ROC AUC', true, (r) => r.test_metrics.macro_auc),
    ...CLASSES.map((c) => row(`AUC ${c}`, true, (r) => r.test_metrics.auc[c])),
    row('log loss', false, (r) => r.test_metrics.log_loss),
    row('ECE (15 bins)', false, (r) => r.calibration_metrics.expected_calibration_error),
    row('Brier score', false, (r) => r.calibration_metrics.brier_score),
  ];
}

/** Grouped bars of compareModels rows, one bar per model: metrics side by side. */
export function modelComparisonFigure(rows: readonly MetricRow[], models: readonly string[]): Figure {
  return {
    data: models.map((name) => ({
      type: 'bar',
      name,
      x: rows.map((r) => `${r.metric}${r.higher_is_better ? ' ↑' : ' ↓'}`),
      y: rows.map((r) => r[name]),
      text: rows.map((r) => (typeof r[name] === 'number' ? (r[name] as number).toFixed(3) : '')),
      textposition: 'outside',
      marker: { color: (COLORS as Record<string, string>)[name] ?? COLORS.other },
    })),
    layout: baseLayout(
      'Teacher vs student on the held-out test rows (↑ higher is better, ↓ lower is better)',
      {
        barmode: 'group',
        yaxis: { title: { text: 'value' } },
      },
    ),
  };
}
