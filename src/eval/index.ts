export { argmaxLabels } from './argmax-labels.js';
export { brierScore } from './brier-score.js';
export {
  CALIBRATION_BINS,
  calibrationCurve,
  confidenceBin,
  expectedCalibrationError,
} from './calibration.js';
export type { CalibrationBin } from './calibration.js';
export { confusionCells, confusionMatrix } from './confusion-matrix.js';
export { averageRanks, pearsonCorrelation, spearmanCorrelation } from './correlation.js';
export type { ConfusionCell } from './confusion-matrix.js';
export { evaluateClassifier, ROC_MAX_POINTS } from './evaluate-classifier.js';
export type { Evaluation, EvaluationCurves, EvaluationReport } from './evaluate-classifier.js';
export { LOG_LOSS_EPS, logLoss } from './log-loss.js';
export { precisionRecallCurve } from './precision-recall-curve.js';
export type { PrCurve, PrPoint } from './precision-recall-curve.js';
export { accuracy, macroAverage, macroF1, precisionRecallF1 } from './precision-recall-f1.js';
export type { PerClassScores } from './precision-recall-f1.js';
export { ovrAuc, rocAuc } from './roc-auc.js';
export { rocCurve } from './roc-curve.js';
export type { RocCurveOptions, RocPoint } from './roc-curve.js';
export type { LabelArray } from './types.js';
export type { SignalRows } from './date-groups.js';
export { icPerDate } from './ic-per-date.js';
export type { IcPerDate } from './ic-per-date.js';
export { quantileReturns } from './quantile-returns.js';
export type { QuantileReturns } from './quantile-returns.js';
export { signalAnalysis, signalSummary } from './signal-analysis.js';
export type { SignalAnalysis, SignalSummary } from './signal-analysis.js';
