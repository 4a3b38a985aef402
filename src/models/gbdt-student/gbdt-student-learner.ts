import { ConfigError } from '../../core/index.js';
import { gbdtOptionsFrom, treeScorerFromGbdt } from '../gbdt/index.js';
import type { DistillationOptions, LearnerSpec } from '../learner-spec.js';
import { GbdtStudent } from './gbdt-student-model.js';
import { parseGbdtStudentParts } from './gbdt-student-schema.js';
import { type GbdtStudentOptions, trainGbdtStudent } from './train-gbdt-student.js';

/** The distilled GBDT student (`student.model_type: gbdt`): no tuning, no warm start (yet). */
export const gbdtStudentLearner: LearnerSpec = {
  className: GbdtStudent.className,
  student: {
    modelType: 'gbdt',
    capabilities: { tuning: false, warmStart: false },
    options: (params) => ({
      alpha: params.student.alpha,
      temperature: params.student.temperature,
      calibrate: params.student.calibrate,
      gbdt: gbdtOptionsFrom(params.student.gbdt, params.base.seed),
    }),
    async train(data, options: DistillationOptions, init) {
      if (init) {
        throw new ConfigError('a GBDT student cannot warm-start', [
          { path: 'init', value: init.className, message: 'warm starts are not supported' },
        ]);
      }
      return trainGbdtStudent(
        {
          x: data.x,
          y: data.y,
          soft: data.soft,
          ...(data.valid ? { valid: { x: data.valid.x, y: data.valid.y } } : {}),
        },
        options as GbdtStudentOptions,
      );
    },
  },
  load: (saved) => GbdtStudent.fromJSON(saved),
  exportScorer(saved) {
    const { config, gbdt } = parseGbdtStudentParts(saved);
    return treeScorerFromGbdt(gbdt, config.calibrationTemperature, config.classes);
  },
};
