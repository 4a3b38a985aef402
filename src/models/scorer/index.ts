export type { Scorer, ScorerPrediction } from './compile-scorer.js';
export { compileScorer, loadScorer } from './compile-scorer.js';
export type { Activation, DenseLayer, DenseNetwork, Normaliser } from './network-spec.js';
export { denseLayerSchema, denseNetworkSchema, normaliserSchema, zodIssues } from './network-spec.js';
export type { AnyScorerJson, ScorerJson } from './scorer-json.js';
export {
  exportScorer,
  GBDT_STUDENT_CLASS,
  parseDenseScorerJson,
  parseScorerJson,
  SCORER_FORMAT,
  scorerJsonSchema,
} from './scorer-json.js';
export { softmaxTemperatureInto } from './softmax-temperature.js';
export type { RowForward } from './tree-forward.js';
export { compileTreeForward } from './tree-forward.js';
export type { TreeScorerJson } from './tree-scorer-json.js';
export {
  exportTreeScorer,
  parseTreeScorerJson,
  scorerTreeSchema,
  treeScorerJsonSchema,
} from './tree-scorer-json.js';
