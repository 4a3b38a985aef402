// Importing the learner families registers them with the learner registry (loadClassifier).
export * from './gbdt/index.js';
export { GBDT_STUDENT_DEFAULTS, GbdtStudent, trainGbdtStudent } from './gbdt-student/index.js';
export type { GbdtStudentData, GbdtStudentOptions } from './gbdt-student/index.js';
export * from './tfjs/index.js';
export * from './calibration/index.js';
export * from './scorer/index.js';
export { datasetFromRows, loadClassifier, registeredLearners, registerLearner } from './learner.js';
export type { Classifier, ClassifierFactory, Dataset, SavedModel } from './learner.js';
