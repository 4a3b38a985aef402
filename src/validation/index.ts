export { accuracyMetrics } from './accuracy-metrics.js';
export type { AccuracyMetrics } from './accuracy-metrics.js';
export { checklistJson, checklistMarkdown } from './checklist.js';
export type { ChecklistContext } from './checklist.js';
export {
  deltas,
  evaluateCriteria,
  NEAR_ZERO_SHARPE,
  nearZeroBaseline,
  relativeSharpeUplift,
} from './criteria.js';
export type { Criterion } from './criteria.js';
export {
  buyAndHoldPolicy,
  featureIndex,
  RULE_BASELINES,
  rulePolicy,
  scorerPolicy,
  smaPolicy,
} from './policy.js';
export type { Decisions, Policy, PolicyOptions } from './policy.js';
export { informationCoefficient } from './information-coefficient.js';
export type { InformationCoefficient } from './information-coefficient.js';
export { runValidation } from './run-validation.js';
export { equityRows, validationHeadline } from './validation-headline.js';
export type { Measurability, PolicyRun, ValidationInputs, ValidationOutcome } from './run-validation.js';
export { writeValidationArtifacts } from './write-validation.js';
export { modelLabelParams } from './model-label-params.js';
export type { LabelParams } from './model-label-params.js';
export { baselineWarnings, validateCandidate } from './validate-candidate.js';
export type { CandidateValidation, ValidateOptions } from './validate-candidate.js';
export { writeValidation } from './write-candidate-validation.js';
export type { ValidationSummary } from './write-candidate-validation.js';
export { policySignalRows } from './policy-signal.js';
