import type { GbdtParams } from '../../config/index.js';
import { NUM_CLASSES } from '../../labels/index.js';
import type { GbdtOptionsInput } from './options.js';

/** params.yaml `gbdt` block (LightGBM-style snake_case) → GBDT trainer options over the label classes. */
export function gbdtOptionsFrom(p: GbdtParams, seed: number): GbdtOptionsInput {
  return {
    numClasses: NUM_CLASSES,
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
