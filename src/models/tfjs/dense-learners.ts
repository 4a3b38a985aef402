import { ConfigError } from '../../core/index.js';
import type { LearnerSpec, StudentRole } from '../learner-spec.js';
import { exportDenseScorer } from '../scorer/index.js';
import { nnOptionsFrom } from './nn-params.js';
import { studentClassName } from './student-artifact.js';
import { StudentModel } from './student-model.js';
import type { StudentOptions, StudentOptionsInput } from './student-options.js';
import { trainMlpTeacher, trainStudent } from './train-student.js';

/** The student role of a TF.js family: distillation with tuning and warm starts. */
function denseStudent(modelType: StudentOptions['modelType']): StudentRole {
  return {
    modelType,
    capabilities: { tuning: true, warmStart: true },
    options: (params) => ({
      ...nnOptionsFrom(params.student.nn, params.base.seed),
      modelType,
      alpha: params.student.alpha,
      temperature: params.student.temperature,
      calibrate: params.student.calibrate,
    }),
    train(data, options, init) {
      if (init !== undefined && !(init instanceof StudentModel)) {
        throw new ConfigError('a TF.js student warm-starts only from a TF.js student', [
          { path: 'init', value: init.className, message: `expected ${studentClassName(modelType)}` },
        ]);
      }
      return trainStudent(data, options as StudentOptionsInput, init);
    },
  };
}

/** Shared by both TF.js families: load through the saved-artifact schema, export the dense network. */
const dense = {
  load: (saved) => StudentModel.fromJSON(saved),
  exportScorer: (saved) => exportDenseScorer(saved),
} satisfies Pick<LearnerSpec, 'load' | 'exportScorer'>;

/** Multinomial logistic regression student (`student.model_type: logistic`). */
export const logisticLearner: LearnerSpec = {
  className: studentClassName('logistic'),
  student: denseStudent('logistic'),
  ...dense,
};

/** MLP: a student (`student.model_type: mlp`) or a teacher on hard labels (`teacher.model_type: mlp`). */
export const mlpLearner: LearnerSpec = {
  className: studentClassName('mlp'),
  teacher: {
    modelType: 'mlp',
    label: 'MLP',
    capabilities: { warmStart: false },
    train: (params, { x, y, valid }) =>
      trainMlpTeacher(
        { x, y, ...(valid ? { valid } : {}) },
        nnOptionsFrom(params.teacher.mlp, params.base.seed),
      ),
  },
  student: denseStudent('mlp'),
  ...dense,
};
