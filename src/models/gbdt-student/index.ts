export { gbdtStudentLearner } from './gbdt-student-learner.js';
export { GbdtStudent } from './gbdt-student-model.js';
export type { GbdtStudentConfig } from './gbdt-student-schema.js';
export {
  gbdtStudentConfigSchema,
  parseGbdtStudentParts,
  parseGbdtStudentSaved,
} from './gbdt-student-schema.js';
export type { DistillationReplicas } from './replica-weights.js';
export {
  checkDistillationInputs,
  distillationReplicas,
  selectRows,
  TEACHER_PROB_FLOOR,
  teacherAtTemperature,
} from './replica-weights.js';
export type { GbdtStudentData, GbdtStudentOptions } from './train-gbdt-student.js';
export { GBDT_STUDENT_DEFAULTS, trainGbdtStudent } from './train-gbdt-student.js';
