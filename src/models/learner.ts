/**
 * The learner contract shared by every model family (GBDT, TensorFlow.js logistic / MLP, ...).
 * Models are saved as schema-validated JSON `{ className, config, weights }` — never code. Each family
 * describes itself with a LearnerSpec (learner-spec.ts); learners.ts registers them all.
 */
import { CLASSES, NUM_CLASSES } from '../labels/index.js';

/** Column-major feature matrix: `columns[j][i]` is feature j of row i. */
export interface Dataset {
  n: number;
  d: number;
  columns: Float64Array[];
  featureNames: string[];
}

/** Serialised model. `weights` holds only numbers/arrays/plain objects. */
export interface SavedModel {
  className: string;
  config: Record<string, unknown>;
  weights: unknown;
}

/** A trained probabilistic classifier. */
export interface Classifier {
  readonly className: string;
  readonly numClasses: number;
  readonly featureNames: readonly string[];
  /** Class probabilities, row-major n×K. */
  predictProba(x: Dataset): Float64Array;
  getConfig(): Record<string, unknown>;
  toJSON(): SavedModel;
}

/** Class names of a K-class model: the label classes when K is theirs, else `class0 … class{K−1}`. */
export function classNamesFor(K: number): string[] {
  return K === NUM_CLASSES ? [...CLASSES] : Array.from({ length: K }, (_, k) => `class${k}`);
}

/** Builds a Dataset from row-major data (tests and small inputs). */
export function datasetFromRows(rows: number[][], featureNames?: string[]): Dataset {
  const n = rows.length;
  const d = n > 0 ? rows[0].length : (featureNames?.length ?? 0);
  const columns = Array.from({ length: d }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) columns[j][i] = rows[i][j];
  return { n, d, columns, featureNames: featureNames ?? Array.from({ length: d }, (_, j) => `f${j}`) };
}
