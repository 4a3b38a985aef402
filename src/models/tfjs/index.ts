export {
  ensureTfBackendSync,
  initTfBackend,
  resetTfBackendSelection,
  TF_BACKEND_CANDIDATES,
} from './backend.js';
export type { BackendAttempt, BackendInfo, TfBackendCandidate } from './backend.js';
export { logisticLearner, mlpLearner } from './dense-learners.js';
export { architecture, forwardLogits, initDenseLayers, layersToTensors } from './dense-network.js';
export type { TfLayer } from './dense-network.js';
export { distillationLoss, distillationLossFromLogProbs, TEACHER_PROB_FLOOR } from './distillation-loss.js';
export type { DistillationWeights } from './distillation-loss.js';
export { fitSoftmax } from './fit-softmax.js';
export type { SoftmaxFit } from './fit-softmax.js';
export { fitTf } from './fit-tfjs.js';
export { nnOptionsFrom } from './nn-params.js';
export { SoftmaxKernel } from './softmax-kernel.js';
export {
  batchBuffer,
  gatherRows,
  packSoftmaxParams,
  softmaxRows,
  unpackSoftmaxParams,
  wholeBatch,
} from './softmax-rows.js';
export type { SoftmaxBatch, SoftmaxRows } from './softmax-rows.js';
export { parseStudentArtifact, studentClassName } from './student-artifact.js';
export type { StudentClassName, StudentState, TrainingSummary } from './student-artifact.js';
export { assertDatasetFeatures, fitNormaliser, normalisedRowMajor } from './student-data.js';
export type { StudentFit, StudentFitRequest } from './student-fit.js';
export { StudentModel } from './student-model.js';
export { parseStudentOptions, studentOptionsSchema } from './student-options.js';
export type { StudentOptions, StudentOptionsInput } from './student-options.js';
export { trainMlpTeacher, trainStudent } from './train-student.js';
export type { LabelledRows, StudentTrainingData } from './training-data.js';
export { TypedAdam } from './typed-adam.js';
