import { DataValidationError } from '../core/index.js';
import type { LabelArray } from './types.js';
import { assertLabelPair } from './validate-inputs.js';

/**
 * Per-class scores. 0/0 is defined as 0 (scikit-learn's zero_division=0): a class never predicted
 * has precision 0, a class absent from the labels has recall 0, and F1 is 0 when P + R = 0.
 */
export interface PerClassScores {
  precision: Float64Array;
  recall: Float64Array;
  f1: Float64Array;
  /** Rows whose actual class is k. */
  support: Int32Array;
  /** Rows predicted as k. */
  predicted: Int32Array;
  /**
   * 1 when class k occurs in the labels or the predictions. Macro averages run over these classes
   * only, as scikit-learn does when `labels` is not given (it uses the union of both).
   */
  present: Uint8Array;
}

/** Share of rows whose prediction equals the label. */
export function accuracy(yTrue: LabelArray, yPred: LabelArray): number {
  if (yTrue.length !== yPred.length || yTrue.length === 0) {
    throw new DataValidationError('accuracy needs two non-empty label arrays of the same length', [
      { path: 'yPred', message: `lengths ${yTrue.length} and ${yPred.length}` },
    ]);
  }
  let hits = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hits++;
  return hits / yTrue.length;
}

/** Precision, recall and F1 of every class (one-vs-rest counts), with 0/0 defined as 0. */
export function precisionRecallF1(yTrue: LabelArray, yPred: LabelArray, K: number): PerClassScores {
  assertLabelPair(yTrue, yPred, K);
  const tp = new Int32Array(K);
  const support = new Int32Array(K);
  const predicted = new Int32Array(K);
  for (let i = 0; i < yTrue.length; i++) {
    support[yTrue[i]]++;
    predicted[yPred[i]]++;
    if (yTrue[i] === yPred[i]) tp[yTrue[i]]++;
  }
  const precision = new Float64Array(K);
  const recall = new Float64Array(K);
  const f1 = new Float64Array(K);
  const present = new Uint8Array(K);
  for (let k = 0; k < K; k++) {
    precision[k] = predicted[k] > 0 ? tp[k] / predicted[k] : 0;
    recall[k] = support[k] > 0 ? tp[k] / support[k] : 0;
    // 2·TP / (2·TP + FP + FN) equals 2PR/(P+R) and stays exact when P or R is 0.
    const denom = support[k] + predicted[k];
    f1[k] = denom > 0 ? (2 * tp[k]) / denom : 0;
    present[k] = denom > 0 ? 1 : 0;
  }
  return { precision, recall, f1, support, predicted, present };
}

/** Mean of `values` over the classes flagged in `include`; NaN entries are skipped too (NaN if none left). */
export function macroAverage(values: Float64Array, include?: Uint8Array): number {
  let sum = 0;
  let count = 0;
  for (let k = 0; k < values.length; k++) {
    if ((include && include[k] !== 1) || Number.isNaN(values[k])) continue;
    sum += values[k];
    count++;
  }
  return count > 0 ? sum / count : Number.NaN;
}

/** Unweighted mean F1 over the classes present in the labels or the predictions. */
export function macroF1(yTrue: LabelArray, yPred: LabelArray, K: number): number {
  const s = precisionRecallF1(yTrue, yPred, K);
  return macroAverage(s.f1, s.present);
}
