/**
 * The learner contract shared by every model family (GBDT, TensorFlow.js logistic / MLP, ...).
 * Models are saved as schema-validated JSON `{ className, config, weights }` — never code.
 * Shared code never branches on model type: it calls `loadClassifier(saved)`.
 */

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

/** Rebuilds a classifier from its saved form; registered per className. */
export type ClassifierFactory = (saved: SavedModel) => Classifier;

const factories = new Map<string, ClassifierFactory>();

/** Registers the factory for a className (each learner module calls this once at import). */
export function registerLearner(className: string, factory: ClassifierFactory): void {
  factories.set(className, factory);
}

/** Names of the registered learners. */
export function registeredLearners(): string[] {
  return [...factories.keys()].sort();
}

/** Rebuilds any registered classifier from its saved JSON. */
export function loadClassifier(saved: SavedModel): Classifier {
  const factory = factories.get(saved.className);
  if (!factory) {
    throw new Error(
      `unknown model className "${saved.className}"; registered: ${registeredLearners().join(', ') || 'none'}`,
    );
  }
  return factory(saved);
}

/** Builds a Dataset from row-major data (tests and small inputs). */
export function datasetFromRows(rows: number[][], featureNames?: string[]): Dataset {
  const n = rows.length;
  const d = n > 0 ? rows[0].length : (featureNames?.length ?? 0);
  const columns = Array.from({ length: d }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) columns[j][i] = rows[i][j];
  return { n, d, columns, featureNames: featureNames ?? Array.from({ length: d }, (_, j) => `f${j}`) };
}
