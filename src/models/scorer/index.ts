export type { Scorer, ScorerPrediction } from './compile-scorer.js';
export { compileScorerJson, loadScorer } from './compile-scorer.js';
export type { Activation, DenseLayer, DenseNetwork, Normaliser } from './network-spec.js';
export { denseLayerSchema, denseNetworkSchema, normaliserSchema, zodIssues } from './network-spec.js';
export type { AnyScorerJson, ScorerJson } from './scorer-json.js';
export {
  exportDenseScorer,
  parseDenseScorerJson,
  parseScorerJson,
  SCORER_FORMAT,
  scorerJsonSchema,
} from './scorer-json.js';
export { softmaxTemperatureInto } from './softmax-temperature.js';
export type { TreeArrays } from './tree-arrays.js';
export { checkTreeArrays } from './tree-arrays.js';
export type { RowForward } from './tree-forward.js';
export { compileTreeForward } from './tree-forward.js';
export type { TreeScorerJson } from './tree-scorer-json.js';
export { parseTreeScorerJson, scorerTreeSchema, treeScorerJsonSchema } from './tree-scorer-json.js';
