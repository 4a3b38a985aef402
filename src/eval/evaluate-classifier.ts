import { CLASSES } from '../labels/index.js';
import { argmaxLabels } from './argmax-labels.js';
import { brierScore } from './brier-score.js';
import type { CalibrationBin } from './calibration.js';
import { calibrationCurve, expectedCalibrationError } from './calibration.js';
import { type ConfusionCell, confusionCells, confusionMatrix } from './confusion-matrix.js';
import { logLoss } from './log-loss.js';
import { type PrPoint, precisionRecallCurve } from './precision-recall-curve.js';
import { macroAverage, precisionRecallF1 } from './precision-recall-f1.js';
import { ovrAuc } from './roc-auc.js';
import type { RocPoint } from './roc-curve.js';
import { rocCurve } from './roc-curve.js';
import type { LabelArray } from './types.js';
import { assertLabelsAndProba, assertNames } from './validate-inputs.js';

/** Most points kept per ROC curve in the plots output. */
export const ROC_MAX_POINTS = 200;

/** Scalar metrics in the reference metrics.json shape; undefined AUCs are null, never NaN. */
export interface EvaluationReport {
  test_metrics: {
    accuracy: number;
    precision: Record<string, number>;
    recall: Record<string, number>;
    f1_score: Record<string, number>;
    auc: Record<string, number | null>;
    /** One-vs-rest average precision (area under the precision–recall curve); null without positives. */
    average_precision: Record<string, number | null>;
    macro_avg_f1: number;
    macro_auc: number | null;
    log_loss: number;
  };
  calibration_metrics: { expected_calibration_error: number; brier_score: number };
  /** `confusion_matrix[actual][predicted]` = count. */
  confusion_matrix: Record<string, Record<string, number>>;
  n: number;
}

/** Curve data, written separately as DVC plots files. */
export interface EvaluationCurves {
  calibration: CalibrationBin[];
  roc: Record<string, RocPoint[]>;
  /** One-vs-rest precision–recall curve per class (at most ROC_MAX_POINTS points). */
  precision_recall: Record<string, PrPoint[]>;
  /** Every cell of the confusion matrix (the DVC confusion plot). */
  confusion: ConfusionCell[];
}

/** Result of evaluateClassifier. */
export interface Evaluation {
  report: EvaluationReport;
  curves: EvaluationCurves;
}

function byName(names: readonly string[], values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  names.forEach((name, k) => {
    out[name] = values[k];
  });
  return out;
}

function nullIfNaN(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

/** Scores a probabilistic classifier (predictions = argmax of proba) and builds its plot curves. */
export function evaluateClassifier(
  yTrue: LabelArray,
  proba: Float64Array,
  K: number,
  names: readonly string[] = CLASSES,
): Evaluation {
  assertNames(names, K);
  assertLabelsAndProba(yTrue, proba, K);
  const n = yTrue.length;
  const yPred = argmaxLabels(proba, K);
  const scores = precisionRecallF1(yTrue, yPred, K);
  let hits = 0;
  for (let i = 0; i < n; i++) if (yTrue[i] === yPred[i]) hits++;
  const aucs = ovrAuc(yTrue, proba, K);
  const cm = confusionMatrix(yTrue, yPred, K);

  const auc: Record<string, number | null> = {};
  const confusion: Record<string, Record<string, number>> = {};
  const roc: Record<string, RocPoint[]> = {};
  const pr: Record<string, PrPoint[]> = {};
  const ap: Record<string, number | null> = {};
  const column = new Float64Array(n);
  const positives = new Uint8Array(n);
  names.forEach((name, k) => {
    auc[name] = nullIfNaN(aucs[k]);
    confusion[name] = byName(names, cm[k]);
    for (let i = 0; i < n; i++) {
      column[i] = proba[i * K + k];
      positives[i] = yTrue[i] === k ? 1 : 0;
    }
    roc[name] = rocCurve(column, positives, { maxPoints: ROC_MAX_POINTS });
    const curve = precisionRecallCurve(column, positives, { maxPoints: ROC_MAX_POINTS });
    pr[name] = curve.points;
    ap[name] = nullIfNaN(curve.averagePrecision);
  });

  const report: EvaluationReport = {
    test_metrics: {
      accuracy: hits / n,
      precision: byName(names, scores.precision),
      recall: byName(names, scores.recall),
      f1_score: byName(names, scores.f1),
      auc,
      average_precision: ap,
      macro_avg_f1: macroAverage(scores.f1, scores.present),
      macro_auc: nullIfNaN(macroAverage(aucs)),
      log_loss: logLoss(yTrue, proba, K),
    },
    calibration_metrics: {
      expected_calibration_error: expectedCalibrationError(yTrue, proba, K),
      brier_score: brierScore(yTrue, proba, K),
    },
    confusion_matrix: confusion,
    n,
  };
  const curves: EvaluationCurves = {
    calibration: calibrationCurve(yTrue, proba, K),
    roc,
    precision_recall: pr,
    confusion: confusionCells(cm, names),
  };
  return { report, curves };
}
