import { logger } from '../../core/index.js';
import { NUM_CLASSES } from '../../labels/index.js';
import { fitTemperature, temperatureNll } from '../calibration/index.js';
import { type GbdtOptionsInput, trainGbdt } from '../gbdt/index.js';
import { classNamesFor, type Dataset } from '../learner.js';
import { GbdtStudent } from './gbdt-student-model.js';
import { distillationReplicas, selectRows } from './replica-weights.js';

/** Training rows with hard labels and the teacher's n × K probabilities; `valid` has hard labels only. */
export interface GbdtStudentData {
  x: Dataset;
  y: Int32Array;
  /** Teacher probabilities, row-major n × K. */
  soft: Float64Array;
  valid?: { x: Dataset; y: Int32Array };
}

/** Distillation and tree options of the GBDT student. */
export interface GbdtStudentOptions {
  /** Weight of the hard labels; 1 − alpha goes to the temperature-softened teacher. */
  alpha: number;
  /** Temperature softening the teacher probabilities. */
  temperature: number;
  /** Fit temperature scaling on `valid` (default true; needs `valid`). */
  calibrate?: boolean;
  /** Tree options, merged over GBDT_STUDENT_DEFAULTS. */
  gbdt?: GbdtOptionsInput;
  /** Seed of the tree sampling; overrides gbdt.seed. */
  seed?: number;
}

/** A deliberately small ensemble: the student must stay cheap to score. */
export const GBDT_STUDENT_DEFAULTS: GbdtOptionsInput = {
  numRounds: 150,
  numLeaves: 7,
  learningRate: 0.05,
  minDataInLeaf: 40,
  earlyStoppingRounds: 20,
};

/**
 * Trains a GBDT student on the α-mixture of hard labels and the teacher at temperature T (see
 * replica-weights.ts), early-stops on the hard validation labels, then fits temperature scaling there.
 */
export function trainGbdtStudent(data: GbdtStudentData, opts: GbdtStudentOptions): GbdtStudent {
  const gbdt: GbdtOptionsInput = { ...GBDT_STUDENT_DEFAULTS, ...opts.gbdt };
  const seed = opts.seed ?? gbdt.seed ?? 0;
  const K = gbdt.numClasses ?? NUM_CLASSES;
  const replicas = distillationReplicas(data.y, data.soft, K, opts.alpha, opts.temperature);
  // minDataInLeaf counts replicas, and the up-to-K replicas of a row always share a leaf.
  const model = trainGbdt(
    { x: selectRows(data.x, replicas.rows), y: replicas.y, weight: replicas.weight },
    { ...gbdt, seed },
    data.valid,
  );
  const calibrate = opts.calibrate ?? true;
  let calibrationTemperature = 1;
  let nll: { validNllBefore?: number; validNllAfter?: number } = {};
  if (data.valid && data.valid.x.n > 0) {
    const raw = model.predictRaw(data.valid.x);
    if (calibrate) {
      const fit = fitTemperature(raw, data.valid.y, K);
      calibrationTemperature = fit.temperature;
      nll = { validNllBefore: fit.nllBefore, validNllAfter: fit.nllAfter };
    } else {
      const before = temperatureNll(raw, data.valid.y, K, 1);
      nll = { validNllBefore: before, validNllAfter: before };
    }
  } else if (calibrate) {
    logger.warn('gbdt-student: calibration skipped without a validation set');
  }
  logger.debug('gbdt-student: trained', {
    replicas: replicas.y.length,
    rounds: model.numRounds,
    calibrationTemperature,
  });
  return new GbdtStudent(model, {
    alpha: opts.alpha,
    temperature: opts.temperature,
    calibrate,
    calibrationTemperature,
    seed,
    classes: classNamesFor(K),
    training: {
      trainRows: data.x.n,
      replicaRows: replicas.y.length,
      numRounds: model.numRounds,
      ...nll,
    },
  });
}
