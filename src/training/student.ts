import type { Params } from '../config/index.js';
import { ConfigError, logger } from '../core/index.js';
import { evaluateClassifier } from '../eval/index.js';
import { CLASSES, NUM_CLASSES } from '../labels/index.js';
import {
  type Classifier,
  type Dataset,
  type DistillationOptions,
  type LearnerWithRole,
  learners,
  type TrainedStudent,
} from '../models/index.js';
import type { TeacherDir } from './teacher-dir.js';
import { SPLIT_NAMES } from './time-split.js';
import { type TuningResult, tuneStudent } from './tuning.js';

const K = NUM_CLASSES;

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
  // Columns looked up once, not once per row.
  const labelId = num('label_id');
  const tsCol = num('ts');
  const fwdCol = num('forward_return');
  const out = {} as Record<(typeof SPLIT_NAMES)[number], StudentSplit>;
  for (const s of SPLIT_NAMES) {
    let n = 0;
    for (let i = 0; i < labels.n; i++) if (splitCol[i] === s) n++;
    const idx = new Int32Array(n);
    for (let i = 0, r = 0; i < labels.n; i++) if (splitCol[i] === s) idx[r++] = i;
    const take = (col: Float64Array): Float64Array => {
      const v = new Float64Array(n);
      for (let r = 0; r < n; r++) v[r] = col[idx[r]];
      return v;
    };
    const columns = names.map((c) => take(num(c)));
    const soft = new Float64Array(n * K);
    CLASSES.forEach((c, k) => {
      const p = num(`p_${c}`);
      for (let r = 0; r < n; r++) soft[r * K + k] = p[idx[r]];
    });
    out[s] = {
      x: { n, d: names.length, columns, featureNames: [...names] },
      y: Int32Array.from(take(labelId)),
      soft,
      ts: take(tsCol),
      symbol: Array.from(idx, (i) => symCol[i]),
      forwardReturn: take(fwdCol),
    };
  }
  return out;
}

/** A trained, calibrated student with its test evaluation and (when run) its tuning record. */
export interface StudentRun {
  model: TrainedStudent;
  /** The trainer options used (tuned values merged in), recorded as the student's hyperparameters. */
  options: DistillationOptions;
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
  opts: { tune?: boolean; init?: Classifier } = {},
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
  const modelType = params.student.model_type;
  const learner = learners.forRole('student', modelType);
  const { student } = learner;
  checkCapabilities(modelType, learner, opts);
  let options = student.options(params);
  let tuning: TuningResult | null = null;
  if (opts.tune) {
    tuning = await tuneStudent(params, train, options, (data, o) => student.train(data, o));
    options = { ...options, ...tuning.best };
  }
  logger.info('student: distilling', {
    model_type: modelType,
    alpha: options.alpha,
    temperature: options.temperature,
    train: train.x.n,
  });
  const model = await student.train(
    { x: train.x, y: train.y, soft: train.soft, valid: { x: valid.x, y: valid.y, soft: valid.soft } },
    options,
    opts.init,
  );
  const evaluation = evaluateClassifier(test.y, model.predictProba(test.x), K);
  // The test rows' soft labels are the final teacher's probabilities (metadata soft_labels.valid_test),
  // written at full precision in the verified labels table: no need to score the test rows again.
  const teacherEvaluation = evaluateClassifier(test.y, test.soft, K);
  logger.info('student: test metrics', {
    macro_auc: evaluation.report.test_metrics.macro_auc,
    teacher_macro_auc: teacherEvaluation.report.test_metrics.macro_auc,
    ece: evaluation.report.calibration_metrics.expected_calibration_error,
  });
  return { model, options, evaluation, teacherEvaluation, tuning, splits };
}

const FLAG_NEEDS = [
  { capability: 'tuning', flag: '--hyperparameter-tuning', what: 'tuning' },
  { capability: 'warmStart', flag: '--incremental', what: 'warm starts' },
] as const;

/** Refuses --hyperparameter-tuning / --incremental for a student family without that capability. */
function checkCapabilities(
  modelType: string,
  learner: LearnerWithRole<'student'>,
  opts: { tune?: boolean; init?: Classifier },
): void {
  const asked = { tuning: Boolean(opts.tune), warmStart: opts.init !== undefined };
  const missing = FLAG_NEEDS.filter(
    (n) => asked[n.capability] && !learner.student.capabilities[n.capability],
  );
  if (missing.length === 0) return;
  throw new ConfigError(
    `a ${modelType} student supports no ${missing.map((n) => n.what).join(' or ')}`,
    missing.map((n) => {
      const able = learners.modelTypes('student', (l) => l.student.capabilities[n.capability]);
      return {
        path: 'student.model_type',
        value: modelType,
        message: `${n.flag} needs a student that supports ${n.what}; ${learner.className} does not`,
        fix: `use student.model_type: ${able.join(' or ') || '(none registered)'}, or drop ${n.flag}`,
      };
    }),
  );
}
