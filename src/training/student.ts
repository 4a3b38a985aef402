import type { Params } from '../config/index.js';
import { ConfigError, logger } from '../core/index.js';
import { evaluateClassifier } from '../eval/index.js';
import { CLASSES } from '../labels/index.js';
import { trainGbdtStudent } from '../models/gbdt-student/index.js';
import type { Classifier, Dataset } from '../models/learner.js';
import { type StudentModel, type StudentOptionsInput, trainStudent } from '../models/tfjs/index.js';
import type { TeacherDir } from './teacher-dir.js';
import { gbdtOptionsFrom, studentOptionsFrom } from './model-options.js';
import { SPLIT_NAMES } from './time-split.js';
import { type TuningResult, tuneStudent } from './tuning.js';

const K = 3;

/** Rows of one split of the teacher's labels table, ready for the student. */
export interface StudentSplit {
  x: Dataset;
  y: Int32Array;
  soft: Float64Array;
  ts: Float64Array;
  symbol: string[];
  forwardReturn: Float64Array;
}

/** Reads the train / valid / test rows out of a verified teacher directory. */
export function studentSplits(teacher: TeacherDir): Record<(typeof SPLIT_NAMES)[number], StudentSplit> {
  const { labels, metadata } = teacher;
  const names = metadata.teacher_params.features;
  const splitCol = labels.strings.get('split') as string[];
  const symCol = labels.strings.get('symbol') as string[];
  const num = (c: string) => labels.numbers.get(c) as Float64Array;
  const out = {} as Record<(typeof SPLIT_NAMES)[number], StudentSplit>;
  for (const s of SPLIT_NAMES) {
    const idx: number[] = [];
    for (let i = 0; i < labels.n; i++) if (splitCol[i] === s) idx.push(i);
    const n = idx.length;
    const columns = names.map((c) => Float64Array.from(idx, (i) => num(c)[i]));
    const soft = new Float64Array(n * K);
    CLASSES.forEach((c, k) => {
      const p = num(`p_${c}`);
      idx.forEach((i, r) => {
        soft[r * K + k] = p[i];
      });
    });
    out[s] = {
      x: { n, d: names.length, columns, featureNames: [...names] },
      y: Int32Array.from(idx, (i) => num('label_id')[i]),
      soft,
      ts: Float64Array.from(idx, (i) => num('ts')[i]),
      symbol: idx.map((i) => symCol[i]),
      forwardReturn: Float64Array.from(idx, (i) => num('forward_return')[i]),
    };
  }
  return out;
}

/** A trained, calibrated student with its test evaluation and (when run) its tuning record. */
/** What the artifact writers need from any student family. */
export type TrainedStudent = Classifier & {
  readonly calibrationTemperature: number;
  readonly classes?: readonly string[];
  readonly training?: unknown;
};

export interface StudentRun {
  model: TrainedStudent;
  options: StudentOptionsInput;
  evaluation: ReturnType<typeof evaluateClassifier>;
  teacherEvaluation: ReturnType<typeof evaluateClassifier>;
  tuning: TuningResult | null;
  splits: ReturnType<typeof studentSplits>;
}

/**
 * Distils the teacher into the student: trains on the train split against hard labels and the teacher's
 * (out-of-fold) soft labels, early-stops and fits temperature scaling on the validation split, and
 * evaluates student and teacher on the same held-out test rows.
 */
export async function distilStudent(
  params: Params,
  teacher: TeacherDir,
  opts: { tune?: boolean; init?: StudentModel } = {},
): Promise<StudentRun> {
  const splits = studentSplits(teacher);
  const { train, valid, test } = splits;
  if (train.x.n === 0 || valid.x.n === 0 || test.x.n === 0) {
    throw new ConfigError('the teacher labels leave an empty split', [
      {
        path: 'split',
        value: { train: train.x.n, valid: valid.x.n, test: test.x.n },
        message: 'every split needs rows',
        fix: 'use a longer date range or smaller split sizes',
      },
    ]);
  }
  let options = studentOptionsFrom(params);
  let tuning: TuningResult | null = null;
  const isTree = params.student.model_type === 'gbdt';
  if (isTree && (opts.tune || opts.init)) {
    throw new ConfigError('a gbdt student supports neither tuning nor warm starts yet', [
      {
        path: 'student.model_type',
        value: 'gbdt',
        message: opts.tune
          ? '--hyperparameter-tuning searches TF.js students'
          : '--incremental warm-starts TF.js students',
        fix: 'use student.model_type: logistic or mlp, or drop the flag',
      },
    ]);
  }
  if (opts.tune) {
    tuning = await tuneStudent(params, train, options);
    options = { ...options, ...tuning.best };
  }
  logger.info('student: distilling', {
    model_type: options.modelType,
    alpha: options.alpha,
    temperature: options.temperature,
    train: train.x.n,
  });
  const model: TrainedStudent = isTree
    ? trainGbdtStudent(
        { x: train.x, y: train.y, soft: train.soft, valid: { x: valid.x, y: valid.y } },
        {
          alpha: params.student.alpha,
          temperature: params.student.temperature,
          calibrate: params.student.calibrate,
          gbdt: gbdtOptionsFrom(params.student.gbdt, params.base.seed),
        },
      )
    : await trainStudent(
        { x: train.x, y: train.y, soft: train.soft, valid: { x: valid.x, y: valid.y, soft: valid.soft } },
        options,
        opts.init,
      );
  const evaluation = evaluateClassifier(test.y, model.predictProba(test.x), K);
  const teacherEvaluation = evaluateClassifier(test.y, teacher.model.predictProba(test.x), K);
  logger.info('student: test metrics', {
    macro_auc: evaluation.report.test_metrics.macro_auc,
    teacher_macro_auc: teacherEvaluation.report.test_metrics.macro_auc,
    ece: evaluation.report.calibration_metrics.expected_calibration_error,
  });
  return { model, options, evaluation, teacherEvaluation, tuning, splits };
}
