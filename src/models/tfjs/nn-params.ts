import type { NnParams } from '../../config/index.js';
import type { StudentOptionsInput } from './student-options.js';

/** params.yaml `nn` / `mlp` block → TF.js trainer options (architecture and optimisation only). */
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
