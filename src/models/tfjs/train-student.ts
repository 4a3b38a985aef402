import * as tf from '@tensorflow/tfjs';
import { ConfigError, createRng, logger } from '../../core/index.js';
import { CLASSES } from '../../labels/index.js';
import { fitTemperature } from '../calibration/index.js';
import type { DenseLayer } from '../scorer/index.js';
import { initTfBackend } from './backend.js';
import { architecture, forwardLogits, initDenseLayers, type TfLayer } from './dense-network.js';
import { distillationLossFromLogProbs } from './distillation-loss.js';
import { fitNormaliser } from './student-data.js';
import type { TrainingSummary } from './student-artifact.js';
import { StudentModel } from './student-model.js';
import { parseStudentOptions, type StudentOptionsInput } from './student-options.js';
import { dropoutMasks, shuffledIndices, snapshot, upload } from './training-batches.js';
import { checkWarmStart, validateTrainingData } from './training-checks.js';
import type { LabelledRows, StudentTrainingData } from './training-data.js';

/**
 * Trains a logistic / MLP student with Adam on the distillation loss, early-stopping on `valid` (best
 * weights kept) and temperature-calibrating on it; `init` warm-starts from an earlier student.
 */
export async function trainStudent(
  data: StudentTrainingData,
  opts: StudentOptionsInput = {},
  init?: StudentModel,
): Promise<StudentModel> {
  const options = parseStudentOptions(opts);
  const k = CLASSES.length;
  validateTrainingData(data, options, k);
  if (init) checkWarmStart(init, options, data.x);
  const { backend } = await initTfBackend();
  const started = performance.now();
  const rng = createRng(options.seed);
  const shapes = architecture(options, data.x.d, k);
  const normaliser = init ? init.network.normaliser : fitNormaliser(data.x);
  const start: DenseLayer[] = init ? init.network.layers : initDenseLayers(rng.fork('init'), shapes);
  const weights = { alpha: options.alpha, temperature: options.temperature };
  const validWeights = data.valid?.soft ? weights : { alpha: 1, temperature: 1 };

  const varList: tf.Variable[] = [];
  const vars: TfLayer[] = start.map((l) => {
    // tf.variable() keeps its initial tensor alive, so build it inside tidy() to release that copy.
    const w = tf.tidy(() => tf.variable(tf.tensor2d(Float32Array.from(l.weights), [l.inDim, l.outDim])));
    const b = tf.tidy(() => tf.variable(tf.tensor1d(Float32Array.from(l.bias))));
    varList.push(w, b);
    return { w, b, activation: l.activation };
  });
  const train = upload(data, normaliser, k, options.alpha < 1);
  const valid = data.valid ? upload(data.valid, normaliser, k, validWeights.alpha < 1) : null;
  const optimizer = tf.train.adam(options.learningRate);
  const shuffleRng = rng.fork('shuffle');
  const dropoutRng = rng.fork('dropout');

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
      if (!Number.isFinite(trainLoss)) {
        throw new ConfigError('student training diverged (non-finite loss)', [
          { path: 'student.learningRate', message: 'lower it', value: options.learningRate },
        ]);
      }
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
      if (validLoss < best.loss - 1e-7) best = { loss: validLoss, epoch, params: await snapshot(vars) };
      else if (epoch - best.epoch >= options.patience) break;
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

  const layers: DenseLayer[] = shapes.map(([inDim, outDim, activation], i) => ({
    inDim,
    outDim,
    activation,
    weights: Array.from(best.params[2 * i]),
    bias: Array.from(best.params[2 * i + 1]),
  }));
  const training: TrainingSummary = {
    epochsRun,
    bestEpoch: best.epoch,
    bestValidLoss: valid ? best.loss : null,
    trainRows: train.n,
    warmStarted: Boolean(init),
  };
  let model = new StudentModel({
    options,
    featureNames: [...data.x.featureNames],
    classes: [...CLASSES],
    network: { normaliser, layers, calibrationTemperature: 1 },
    training,
  });
  if (options.calibrate && data.valid) {
    const fit = fitTemperature(model.predictLogits(data.valid.x), data.valid.y, k);
    model = model.withCalibrationTemperature(fit.temperature);
    logger.debug('student calibrated', { ...fit });
  }
  logger.info('student trained', {
    className: model.className,
    backend,
    ...training,
    ms: Math.round(performance.now() - started),
  });
  return model;
}

/** Trains the MLP on hard labels only (alpha = 1), for use as an alternative teacher (`model_type: mlp`). */
export function trainMlpTeacher(
  data: StudentTrainingData,
  opts: StudentOptionsInput = {},
): Promise<StudentModel> {
  const strip = (r: LabelledRows): LabelledRows => ({ x: r.x, y: r.y });
  return trainStudent(
    { ...strip(data), ...(data.valid ? { valid: strip(data.valid) } : {}) },
    { ...opts, modelType: 'mlp', alpha: 1 },
  );
}
