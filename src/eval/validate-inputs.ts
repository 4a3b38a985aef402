import { ConfigError, DataValidationError } from '../core/index.js';
import type { LabelArray } from './types.js';

/** Sum-to-one tolerance for probability rows: loose enough for float32 softmax outputs. */
const ROW_SUM_TOLERANCE = 1e-5;

/** Throws a ConfigError unless K is an integer ≥ 2. */
export function assertNumClasses(K: number): void {
  if (!Number.isInteger(K) || K < 2) {
    throw new ConfigError('invalid number of classes', [
      { path: 'K', message: 'must be an integer ≥ 2', value: K },
    ]);
  }
}

/** Throws a DataValidationError unless every label is a class index in [0, K). */
export function assertLabels(y: LabelArray, K: number, name: string): void {
  if (y.length === 0) throw new DataValidationError(`${name} is empty`, [{ path: name, message: 'no rows' }]);
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v < 0 || v >= K) {
      throw new DataValidationError(`${name} holds a label outside [0, ${K})`, [
        {
          path: `${name}[${i}]`,
          message: 'not a class index',
          value: v,
          fix: 'drop rows with valid = 0 first',
        },
      ]);
    }
  }
}

/** Throws unless yTrue and yPred are valid labels of the same length. */
export function assertLabelPair(yTrue: LabelArray, yPred: LabelArray, K: number): void {
  assertNumClasses(K);
  assertLabels(yTrue, K, 'yTrue');
  assertLabels(yPred, K, 'yPred');
  if (yTrue.length !== yPred.length) {
    throw new DataValidationError('yTrue and yPred differ in length', [
      { path: 'yPred', message: `length ${yPred.length} ≠ yTrue length ${yTrue.length}` },
    ]);
  }
}

/** Throws unless proba is n×K with every row a probability vector (entries in [0,1] summing to 1). */
export function assertProba(proba: Float64Array, n: number, K: number): void {
  if (proba.length !== n * K) {
    throw new DataValidationError('probability matrix has the wrong size', [
      { path: 'proba', message: `length ${proba.length} ≠ n·K = ${n}·${K}` },
    ]);
  }
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let k = 0; k < K; k++) {
      const p = proba[i * K + k];
      // Written as a negated range test so NaN is caught too.
      if (!(p >= 0 && p <= 1)) {
        throw new DataValidationError('probability outside [0, 1]', [
          { path: `proba[${i}][${k}]`, message: 'not a probability', value: p },
        ]);
      }
      sum += p;
    }
    if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
      throw new DataValidationError('probability row does not sum to 1', [
        { path: `proba[${i}]`, message: 'row sum ≠ 1', value: sum, fix: 'apply softmax / normalise rows' },
      ]);
    }
  }
}

/** Throws unless yTrue and proba describe the same n rows over K classes. */
export function assertLabelsAndProba(yTrue: LabelArray, proba: Float64Array, K: number): void {
  assertNumClasses(K);
  assertLabels(yTrue, K, 'yTrue');
  assertProba(proba, yTrue.length, K);
}

/** Throws a ConfigError unless names has one entry per class. */
export function assertNames(names: readonly string[], K: number): void {
  if (names.length !== K || new Set(names).size !== K) {
    throw new ConfigError('class names do not match K', [
      { path: 'names', message: `need ${K} distinct names`, value: names },
    ]);
  }
}
