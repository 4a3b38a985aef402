export * from './gbdt/index.js';
export {
  GBDT_STUDENT_DEFAULTS,
  GbdtStudent,
  gbdtStudentLearner,
  trainGbdtStudent,
} from './gbdt-student/index.js';
export type { GbdtStudentData, GbdtStudentOptions } from './gbdt-student/index.js';
export * from './tfjs/index.js';
export * from './calibration/index.js';
export * from './scorer/index.js';
export { classNamesFor, datasetFromRows } from './learner.js';
export type { Classifier, Dataset, SavedModel } from './learner.js';
export { LearnerRegistry } from './learner-registry.js';
export type { LearnerWithRole } from './learner-registry.js';
export type {
  DistillationData,
  DistillationOptions,
  LabelledData,
  LearnerRole,
  LearnerSpec,
  StudentRole,
  TeacherData,
  TeacherRole,
  TrainedStudent,
} from './learner-spec.js';
export { compileScorer, exportScorer, learners, loadClassifier, registeredLearners } from './learners.js';
