import type { Dataset } from '../learner.js';

/** Labelled rows with optional teacher probabilities (row-major n × K). */
export interface LabelledRows {
  x: Dataset;
  y: Int32Array;
  soft?: Float64Array;
}

/** Training rows plus an optional validation set for early stopping and calibration. */
export interface StudentTrainingData extends LabelledRows {
  valid?: LabelledRows;
}
