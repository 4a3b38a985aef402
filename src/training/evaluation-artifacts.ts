import { join } from 'node:path';
import type { Evaluation } from '../eval/index.js';
import { EVALUATION_FILES, roundDeep, writeFileAtomic, writeJsonAtomic } from '../pipeline/index.js';

/** Which model an evaluation belongs to: names the series in plots and prefixes the headline metrics. */
export type EvaluatedModel = 'teacher' | 'student';

const fmt = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));

/**
 * The headline DVC compares across experiments (`dvc exp show`): four numbers on the test split, keys
 * prefixed `t_`/`s_` so teacher and student columns never collide (DVC would then prefix them with the
 * file path, far too wide for a terminal).
 */
export function headlineMetrics(
  evaluation: Evaluation,
  model: EvaluatedModel,
): Record<string, number | null> {
  const { test_metrics: m, calibration_metrics: c } = evaluation.report;
  const p = model === 'teacher' ? 't' : 's';
  return roundDeep(
    {
      [`${p}_auc`]: m.macro_auc,
      [`${p}_logloss`]: m.log_loss,
      [`${p}_ece`]: c.expected_calibration_error,
      [`${p}_brier`]: c.brier_score,
    },
    4,
  );
}

/**
 * Writes the evaluation of a teacher or student on its test split: metrics.json (the headline),
 * evaluation_metrics.json (the reference structure: header fields + test_metrics, calibration_metrics,
 * confusion_matrix), confusion_matrix.json, and the plot data under plots/ — one flat list of rows per
 * chart, each row naming its model and series so DVC templates can colour and label them:
 * calibration.json (bins with counts), roc.json and precision_recall.json (every class, its AUC or
 * average precision in the series name), confusion.json (every cell with its count).
 */
export function writeEvaluationArtifacts(
  dir: string,
  evaluation: Evaluation,
  header: Record<string, unknown>,
  model: EvaluatedModel,
): string[] {
  const { report, curves } = evaluation;
  const plot = (f: string) => join(dir, EVALUATION_FILES.plotsDir, f);
  const files = {
    headline: join(dir, EVALUATION_FILES.headline),
    metrics: join(dir, EVALUATION_FILES.metrics),
    confusion: join(dir, EVALUATION_FILES.confusion),
    calibration: plot(EVALUATION_FILES.calibrationPlot),
    roc: plot(EVALUATION_FILES.rocPlot),
    precisionRecall: plot(EVALUATION_FILES.precisionRecallPlot),
    confusionCells: plot(EVALUATION_FILES.confusionPlot),
  };
  // Key order as built (not sorted): it is the column order of `dvc exp show`.
  writeFileAtomic(files.headline, `${JSON.stringify(headlineMetrics(evaluation, model), null, 2)}\n`);
  writeJsonAtomic(
    files.metrics,
    roundDeep({
      ...header,
      test_metrics: report.test_metrics,
      calibration_metrics: report.calibration_metrics,
      confusion_matrix: report.confusion_matrix,
      n_test: report.n,
    }),
  );
  writeJsonAtomic(files.confusion, report.confusion_matrix);
  writeJsonAtomic(
    files.calibration,
    roundDeep(
      curves.calibration.map((b) => ({
        model,
        bin: b.bin,
        lower: b.lower,
        upper: b.upper,
        confidence: b.confidence,
        accuracy: b.accuracy,
        count: b.count,
      })),
    ),
  );
  const roc = Object.entries(curves.roc).flatMap(([cls, pts]) => {
    const curve = `${cls} (AUC ${fmt(report.test_metrics.auc[cls] ?? null)})`;
    return pts.map((p, i) => ({ model, class: cls, curve, i, fpr: p.fpr, tpr: p.tpr }));
  });
  writeJsonAtomic(files.roc, roundDeep(roc));
  const pr = Object.entries(curves.precision_recall).flatMap(([cls, pts]) => {
    const curve = `${cls} (AP ${fmt(report.test_metrics.average_precision[cls] ?? null)})`;
    return pts.map((p, i) => ({ model, class: cls, curve, i, recall: p.recall, precision: p.precision }));
  });
  writeJsonAtomic(files.precisionRecall, roundDeep(pr));
  writeJsonAtomic(
    files.confusionCells,
    curves.confusion.map((c) => ({ model, ...c })),
  );
  return Object.values(files);
}
