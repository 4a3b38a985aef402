import { createRng, logger } from '../../core/index.js';
import { CLASSES } from '../../labels/index.js';
import { fitTemperature } from '../calibration/index.js';
import type { DenseLayer } from '../scorer/index.js';
import { initTfBackend } from './backend.js';
import { architecture, initDenseLayers } from './dense-network.js';
import { fitSoftmax } from './fit-softmax.js';
import { fitTf } from './fit-tfjs.js';
import { fitNormaliser } from './student-data.js';
import type { TrainingSummary } from './student-artifact.js';
import { StudentModel } from './student-model.js';
import { parseStudentOptions, type StudentOptionsInput } from './student-options.js';
import { checkWarmStart, validateTrainingData } from './training-checks.js';
import type { LabelledRows, StudentTrainingData } from './training-data.js';

/**
 * Trains a logistic (typed arrays) / MLP (TF.js) student with Adam on the distillation loss, early-stopping on `valid` (best
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

  const request = { train: data, valid: data.valid, normaliser, start, options, weights, validWeights, rng };
  // The logistic student trains on typed arrays (TF.js's per-batch overhead dominated it); the MLP on TF.js.
  const fit = options.modelType === 'logistic' ? fitSoftmax(request) : await fitTf(request);

  const layers: DenseLayer[] = shapes.map(([inDim, outDim, activation], i) => ({
    inDim,
    outDim,
    activation,
    weights: Array.from(fit.params[2 * i]),
    bias: Array.from(fit.params[2 * i + 1]),
  }));
  const training: TrainingSummary = {
    epochsRun: fit.epochsRun,
    bestEpoch: fit.bestEpoch,
    bestValidLoss: data.valid ? fit.bestLoss : null,
    trainRows: data.x.n,
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
    const cal = fitTemperature(model.predictLogits(data.valid.x), data.valid.y, k);
    model = model.withCalibrationTemperature(cal.temperature);
    logger.debug('student calibrated', { ...cal });
  }
  logger.info('student trained', {
    className: model.className,
    backend,
    trainer: fit.trainer,
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
