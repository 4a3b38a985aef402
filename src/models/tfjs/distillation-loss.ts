import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../../core/index.js';

/** Weights of the two distillation terms. */
export interface DistillationWeights {
  /** Weight of the hard-label cross-entropy; 1 − alpha goes to the T²-scaled KL term. */
  alpha: number;
  /** Temperature T at which teacher and student distributions are compared. */
  temperature: number;
}

/** Teacher probabilities are clipped here before the log, so a hard 0 from a GBDT cannot produce −∞. */
export const TEACHER_PROB_FLOOR = 1e-12;

/**
 * Mean over rows of `α·CE(labels, softmax(z)) + (1−α)·T²·KL(q_T ‖ softmax(z/T))` where
 * `q_T = softmax(teacherLogProbs / T)`; the teacher enters as log-probabilities (n×K).
 */
export function distillationLossFromLogProbs(
  logits: tf.Tensor2D,
  labels: tf.Tensor1D,
  teacherLogProbs: tf.Tensor2D | null,
  { alpha, temperature }: DistillationWeights,
): tf.Scalar {
  return tf.tidy(() => {
    const k = logits.shape[1];
    const oneHot = tf.oneHot(tf.cast(labels, 'int32'), k).toFloat();
    const ce = tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), 1)));
    if (alpha >= 1) return ce as tf.Scalar;
    if (!teacherLogProbs) {
      throw new ConfigError('alpha < 1 needs teacher soft targets', [
        { path: 'alpha', message: 'set alpha = 1 or pass soft targets', value: alpha },
      ]);
    }
    const logQ = tf.logSoftmax(tf.div(teacherLogProbs, temperature));
    const logS = tf.logSoftmax(tf.div(logits, temperature));
    const kl = tf.mean(tf.sum(tf.mul(tf.exp(logQ), tf.sub(logQ, logS)), 1));
    const soft = tf.mul(kl, temperature * temperature);
    return tf.add(tf.mul(ce, alpha), tf.mul(soft, 1 - alpha)) as tf.Scalar;
  });
}

/** The distillation loss with teacher soft targets given as probabilities (softened as softmax(log p / T)). */
export function distillationLoss(
  logits: tf.Tensor2D,
  labels: tf.Tensor1D,
  teacherProbs: tf.Tensor2D | null,
  weights: DistillationWeights,
): tf.Scalar {
  return tf.tidy(() => {
    const logP = teacherProbs
      ? (tf.log(tf.clipByValue(teacherProbs, TEACHER_PROB_FLOOR, 1)) as tf.Tensor2D)
      : null;
    return distillationLossFromLogProbs(logits, labels, logP, weights);
  });
}
