import type { GbdtParams, NnParams, Params } from '../config/index.js';
import type { GbdtOptionsInput } from '../models/gbdt/index.js';
import type { StudentOptionsInput } from '../models/tfjs/index.js';

/** params.yaml teacher.gbdt (LightGBM-style snake_case) → GBDT trainer options. */
export function gbdtOptionsFrom(p: GbdtParams, seed: number): GbdtOptionsInput {
  return {
    numClasses: 3,
    numRounds: p.num_rounds,
    learningRate: p.learning_rate,
    numLeaves: p.num_leaves,
    maxDepth: p.max_depth,
    minDataInLeaf: p.min_data_in_leaf,
    lambdaL2: p.lambda_l2,
    featureFraction: p.feature_fraction,
    baggingFraction: p.bagging_fraction,
    baggingFreq: p.bagging_freq,
    earlyStoppingRounds: p.early_stopping_rounds,
    maxBin: p.max_bin,
    seed,
  };
}

/** params.yaml nn block → TF.js trainer options (architecture and optimisation only). */
export function nnOptionsFrom(p: NnParams, seed: number): StudentOptionsInput {
  return {
    hidden: p.hidden,
    activation: p.activation,
    epochs: p.epochs,
    batchSize: p.batch_size,
    learningRate: p.learning_rate,
    l2: p.l2,
    patience: p.patience,
    seed,
  };
}

/** The student trainer options implied by params (distillation α/T, calibration, architecture). */
export function studentOptionsFrom(params: Params): StudentOptionsInput {
  const s = params.student;
  return {
    ...nnOptionsFrom(s.nn, params.base.seed),
    // A gbdt student has its own trainer; these TF.js options only matter for logistic / mlp.
    modelType: s.model_type === 'gbdt' ? 'logistic' : s.model_type,
    alpha: s.alpha,
    temperature: s.temperature,
    calibrate: s.calibrate,
  };
}
