import { ConfigError, type Rng } from '../../core/index.js';
import type { DenseLayer, Normaliser } from '../scorer/index.js';
import type { DistillationWeights } from './distillation-loss.js';
import type { StudentOptions } from './student-options.js';
import type { LabelledRows } from './training-data.js';

/** What a student fitting loop is given (options already parsed, data already checked). */
export interface StudentFitRequest {
  train: LabelledRows;
  valid?: LabelledRows;
  normaliser: Normaliser;
  /** Initial layers (seeded init or a warm start). */
  start: readonly DenseLayer[];
  options: StudentOptions;
  /** Training loss weights, and the validation ones (hard labels only when valid has no soft targets). */
  weights: DistillationWeights;
  validWeights: DistillationWeights;
  /** The run's RNG; loops fork 'shuffle' (and 'dropout') from it. */
  rng: Rng;
}

/** The weights kept by a fitting loop (the best validation epoch's) and how the loop went. */
export interface StudentFit {
  /** Weights then bias of each layer, as float32. */
  params: Float32Array[];
  epochsRun: number;
  bestEpoch: number;
  /** Best validation loss, NaN without a validation split. */
  bestLoss: number;
  /** Which loop ran. */
  trainer: 'typed-array' | 'tfjs';
}

/** Throws the configuration error of a diverged run (a non-finite mean training loss after an epoch). */
export function assertTrainLossFinite(trainLoss: number, options: StudentOptions): void {
  if (!Number.isFinite(trainLoss)) {
    throw new ConfigError('student training diverged (non-finite loss)', [
      { path: 'student.learningRate', message: 'lower it', value: options.learningRate },
    ]);
  }
}

/**
 * Early stopping, the same in every fitting loop: an epoch whose validation loss beats the best by more
 * than 1e-7 becomes the best; `patience` epochs without that stop the loop.
 */
export function epochVerdict(
  validLoss: number,
  best: { loss: number; epoch: number },
  epoch: number,
  patience: number,
): 'improved' | 'stop' | 'continue' {
  if (validLoss < best.loss - 1e-7) return 'improved';
  return epoch - best.epoch >= patience ? 'stop' : 'continue';
}
