import * as tf from '@tensorflow/tfjs';
import { logger } from '../../core/index.js';
import { forwardLogits, type TfLayer } from './dense-network.js';
import { distillationLossFromLogProbs } from './distillation-loss.js';
import {
  assertTrainLossFinite,
  epochVerdict,
  type StudentFit,
  type StudentFitRequest,
} from './student-fit.js';
import { dropoutMasks, shuffledIndices, snapshot, upload } from './training-batches.js';

/**
 * Fits any dense student (logistic or MLP, with dropout) with TF.js: Adam on the mean distillation loss
 * plus `l2·ΣW²` per seeded mini-batch, early-stopping on the validation loss and keeping the best
 * epoch's weights. The backend must be initialised.
 */
export async function fitTf(req: StudentFitRequest): Promise<StudentFit> {
  const { options, weights, validWeights, normaliser } = req;
  const k = req.start[req.start.length - 1].outDim;
  const varList: tf.Variable[] = [];
  const vars: TfLayer[] = req.start.map((l) => {
    // tf.variable() keeps its initial tensor alive, so build it inside tidy() to release that copy.
    const w = tf.tidy(() => tf.variable(tf.tensor2d(Float32Array.from(l.weights), [l.inDim, l.outDim])));
    const b = tf.tidy(() => tf.variable(tf.tensor1d(Float32Array.from(l.bias))));
    varList.push(w, b);
    return { w, b, activation: l.activation };
  });
  const train = upload(req.train, normaliser, k, weights.alpha < 1);
  const valid = req.valid ? upload(req.valid, normaliser, k, validWeights.alpha < 1) : null;
  const optimizer = tf.train.adam(options.learningRate);
  const shuffleRng = req.rng.fork('shuffle');
  const dropoutRng = req.rng.fork('dropout');

  let best = { loss: Number.POSITIVE_INFINITY, epoch: 0, params: await snapshot(vars) };
  let epochsRun = 0;
  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const order = shuffledIndices(train.n, shuffleRng);
      let lossSum = 0;
      for (let s = 0; s < train.n; s += options.batchSize) {
        const batch = order.subarray(s, Math.min(train.n, s + options.batchSize));
        const idx = tf.tensor1d(batch, 'int32');
        const masks = dropoutMasks(vars, batch.length, options.dropout, dropoutRng);
        // Gathered before minimize(), off the gradient tape: an op recorded on the tape keeps a copy
        // of its inputs for the backward pass, and a copy of the whole training set per batch made
        // an epoch quadratic in the rows.
        const xb = tf.gather(train.x, idx);
        const yb = tf.gather(train.y, idx);
        const logPb = train.logP ? (tf.gather(train.logP, idx) as tf.Tensor2D) : null;
        const cost = optimizer.minimize(
          () =>
            tf.tidy(() => {
              const logits = forwardLogits(vars, xb, masks);
              const loss = distillationLossFromLogProbs(logits, yb, logPb, weights);
              if (options.l2 === 0) return loss;
              const penalty = tf.addN(vars.map((v) => tf.sum(tf.square(v.w))));
              return tf.add(loss, tf.mul(penalty, options.l2)) as tf.Scalar;
            }),
          true,
          varList,
        );
        lossSum += (cost?.dataSync()[0] ?? 0) * batch.length;
        tf.dispose([
          ...(cost ? [cost] : []),
          idx,
          xb,
          yb,
          ...(logPb ? [logPb] : []),
          ...masks.filter((m): m is tf.Tensor2D => m !== null),
        ]);
      }
      epochsRun = epoch;
      const trainLoss = lossSum / train.n;
      assertTrainLossFinite(trainLoss, options);
      if (!valid) continue;
      const validLoss = tf.tidy(
        () =>
          distillationLossFromLogProbs(
            forwardLogits(vars, valid.x),
            valid.y,
            valid.logP,
            validWeights,
          ).dataSync()[0],
      );
      logger.debug('student epoch', { epoch, trainLoss, validLoss });
      const verdict = epochVerdict(validLoss, best, epoch, options.patience);
      if (verdict === 'improved') best = { loss: validLoss, epoch, params: await snapshot(vars) };
      else if (verdict === 'stop') break;
    }
    if (!valid) best = { loss: Number.NaN, epoch: epochsRun, params: await snapshot(vars) };
  } finally {
    tf.dispose([
      ...varList,
      train.x,
      train.y,
      train.logP ?? [],
      valid?.x ?? [],
      valid?.y ?? [],
      valid?.logP ?? [],
    ]);
    optimizer.dispose();
  }
  return { params: best.params, epochsRun, bestEpoch: best.epoch, bestLoss: best.loss, trainer: 'tfjs' };
}
