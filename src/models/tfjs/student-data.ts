import { DataValidationError } from '../../core/index.js';
import type { Dataset } from '../learner.js';
import type { Normaliser } from '../scorer/index.js';

/** Fits per-feature mean / std on the given (training) rows; constant columns get std 1. */
export function fitNormaliser(x: Dataset): Normaliser {
  const mean: number[] = [];
  const std: number[] = [];
  for (let j = 0; j < x.d; j++) {
    const col = x.columns[j];
    let m = 0;
    for (let i = 0; i < x.n; i++) m += col[i];
    m /= Math.max(1, x.n);
    let v = 0;
    for (let i = 0; i < x.n; i++) v += (col[i] - m) * (col[i] - m);
    const s = Math.sqrt(v / Math.max(1, x.n));
    mean.push(m);
    std.push(s > 1e-12 && Number.isFinite(s) ? s : 1);
  }
  return { mean, std };
}

/** Checks that `x` carries exactly `featureNames` (same order) and only finite values. */
export function assertDatasetFeatures(x: Dataset, featureNames: readonly string[], path = 'x'): void {
  const same = x.d === featureNames.length && featureNames.every((f, j) => x.featureNames[j] === f);
  if (!same) {
    throw new DataValidationError('dataset features do not match the model', [
      {
        path: `${path}.featureNames`,
        message: 'must equal the training features, in order',
        value: x.featureNames.slice(0, 10),
      },
    ]);
  }
  for (let j = 0; j < x.d; j++) {
    const col = x.columns[j];
    if (col.length < x.n)
      throw new DataValidationError('column shorter than n', [
        { path: `${path}.${featureNames[j]}`, message: `expected ${x.n} rows`, value: col.length },
      ]);
    for (let i = 0; i < x.n; i++) {
      if (!Number.isFinite(col[i])) {
        throw new DataValidationError('features must be finite (impute before training/scoring)', [
          { path: `${path}.${featureNames[j]}[${i}]`, message: 'not finite', value: String(col[i]) },
        ]);
      }
    }
  }
}

/** Standardised rows as a row-major float32 matrix (the layout TF.js tensors want). */
export function normalisedRowMajor(x: Dataset, normaliser: Normaliser): Float32Array {
  const out = new Float32Array(x.n * x.d);
  for (let j = 0; j < x.d; j++) {
    const col = x.columns[j];
    const m = normaliser.mean[j];
    const s = normaliser.std[j];
    for (let i = 0; i < x.n; i++) out[i * x.d + j] = (col[i] - m) / s;
  }
  return out;
}

/** Checks labels (length n, classes in [0, k)) and optional row-major n × k soft targets. */
export function assertTargets(
  n: number,
  k: number,
  y: Int32Array,
  soft: Float64Array | undefined,
  path: string,
): void {
  if (y.length !== n)
    throw new DataValidationError('one label per row required', [
      { path: `${path}.y`, message: `expected ${n}`, value: y.length },
    ]);
  for (let i = 0; i < n; i++) {
    if (!(y[i] >= 0 && y[i] < k))
      throw new DataValidationError('label out of range', [
        { path: `${path}.y[${i}]`, message: `must be in [0, ${k})`, value: y[i] },
      ]);
  }
  if (!soft) return;
  if (soft.length !== n * k)
    throw new DataValidationError('soft targets must be n × K row-major', [
      { path: `${path}.soft`, message: `expected ${n * k}`, value: soft.length },
    ]);
  for (let i = 0; i < soft.length; i++) {
    if (!(soft[i] >= 0 && soft[i] <= 1))
      throw new DataValidationError('soft targets must be probabilities', [
        { path: `${path}.soft[${i}]`, message: 'not in [0, 1]', value: soft[i] },
      ]);
  }
}
