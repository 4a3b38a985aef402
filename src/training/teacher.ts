import type { Params } from '../config/index.js';
import { logger, startProgress } from '../core/index.js';
import { evaluateClassifier } from '../eval/index.js';
import { NUM_CLASSES } from '../labels/index.js';
import { type Classifier, learners, loadClassifier, type SavedModel } from '../models/index.js';
import { gather, type LabelledRows, takeRows } from './labelled-rows.js';
import { checkSplitClasses } from './row-quality.js';
import { type FitJob, type FitOutcome, fitPoolSize, jobData, runFitPool } from './teacher-fit-pool.js';
import { purgedFolds, SPLIT, type TimeSplit, timeSplit } from './time-split.js';

const K = NUM_CLASSES;

/** Everything a teacher run produces before it is written to disk. */
export interface TeacherRun {
  model: Classifier;
  rows: LabelledRows;
  split: TimeSplit;
  /** Teacher probabilities per row (n × NUM_CLASSES): out-of-fold on train rows, the final model elsewhere. */
  proba: Float64Array;
  evaluation: ReturnType<typeof evaluateClassifier>;
  oofFolds: number;
}

/** Indices of rows in a split. */
export function rowsOf(split: Int8Array, id: number): Int32Array {
  let c = 0;
  for (let i = 0; i < split.length; i++) if (split[i] === id) c++;
  const out = new Int32Array(c);
  c = 0;
  for (let i = 0; i < split.length; i++) if (split[i] === id) out[c++] = i;
  return out;
}

/** Copies row i of `p` (n × K) to row idx[i] of `proba`. */
function scatterProba(proba: Float64Array, idx: Int32Array, p: Float64Array): void {
  for (let i = 0; i < idx.length; i++) proba.set(p.subarray(i * K, i * K + K), idx[i] * K);
}

/**
 * Trains the teacher on the train split (early stopping on validation), evaluates it on the test
 * split, and produces soft labels: out-of-fold (purged, embargoed folds) on the train rows so the
 * student never distils the teacher's in-sample over-confidence.
 */
export async function trainTeacher(
  params: Params,
  rows: LabelledRows,
  init?: SavedModel,
): Promise<TeacherRun> {
  const embargo = params.split.embargo_bars ?? params.teacher.horizon;
  const split = timeSplit(rows.ts, {
    validSize: params.split.valid_size,
    testSize: params.split.test_size,
    embargo,
  });
  checkSplitClasses(rows, split, params);
  const trainIdx = rowsOf(split.split, SPLIT.TRAIN);
  const validIdx = rowsOf(split.split, SPLIT.VALID);
  const testIdx = rowsOf(split.split, SPLIT.TEST);
  const valid = { x: takeRows(rows.x, validIdx), y: gather(rows.label, validIdx) };
  logger.info('teacher: training', {
    model_type: params.teacher.model_type,
    train: trainIdx.length,
    valid: validIdx.length,
    test: testIdx.length,
  });
  const teacher = learners.forRole('teacher', params.teacher.model_type).teacher;
  if (init && !teacher.capabilities.warmStart) {
    logger.warn('teacher: this model type cannot warm-start; training from scratch', {
      model_type: params.teacher.model_type,
    });
  }
  const warm = teacher.capabilities.warmStart && init ? { init } : {};
  const allFolds = purgedFolds(rows.ts, trainIdx, params.teacher.oof_folds, embargo);
  const folds = allFolds.filter((f) => f.fit.length > 0 && f.predict.length > 0);
  // The final model's probabilities only where no out-of-fold fit will replace them (scoring every
  // tree on rows whose values are then overwritten cost seconds at 500k rows).
  const proba = new Float64Array(rows.n * K);
  const replaced = new Int8Array(rows.n);
  for (const f of folds) for (const r of f.predict) replaced[r] = 1;
  const keep = rowsOf(replaced, 0);
  // The final model, then one per fold scoring its held-out rows: independent fits.
  const jobs: FitJob[] = [{ fit: trainIdx, predict: keep }, ...folds];
  const progress = startProgress('teacher fits', jobs.length);
  const pool = fitPoolSize(params, rows.x, jobs);
  const outcomes: FitOutcome[] = [];
  if (pool > 0) {
    outcomes.push(...(await runFitPool(params, rows, jobs, valid, pool, warm.init, () => progress.tick())));
  } else {
    for (const job of jobs) {
      const { x, y, predict } = jobData(rows, job);
      const model = await teacher.train(params, { x, y, valid, ...warm });
      outcomes.push({ model, proba: model.predictProba(predict) });
      progress.tick();
    }
  }
  const model = outcomes[0].model;
  scatterProba(proba, keep, outcomes[0].proba);
  // Out-of-fold probabilities for the training rows.
  for (const [k, f] of folds.entries()) {
    scatterProba(proba, f.predict, outcomes[k + 1].proba);
    logger.debug('teacher: oof fold', { fold: k, fit: f.fit.length, predict: f.predict.length });
  }

  progress.done();
  const testProba = new Float64Array(testIdx.length * K);
  for (let i = 0; i < testIdx.length; i++)
    for (let c = 0; c < K; c++) testProba[i * K + c] = proba[testIdx[i] * K + c];
  const evaluation = evaluateClassifier(gather(rows.label, testIdx), testProba, K);
  logger.info('teacher: test metrics', {
    accuracy: evaluation.report.test_metrics.accuracy,
    macro_auc: evaluation.report.test_metrics.macro_auc,
  });
  return { model, rows, split, proba, evaluation, oofFolds: allFolds.length };
}

/** Loads a saved teacher (any registered learner). */
export function loadTeacher(saved: SavedModel): Classifier {
  return loadClassifier(saved);
}
