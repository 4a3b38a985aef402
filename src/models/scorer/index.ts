export { compileScorer, loadScorer } from './compile-scorer.js';
export type { Scorer, ScorerPrediction } from './compile-scorer.js';
export { denseLayerSchema, denseNetworkSchema, normaliserSchema, zodIssues } from './network-spec.js';
export type { Activation, DenseLayer, DenseNetwork, Normaliser } from './network-spec.js';
export { exportScorer, parseScorerJson, SCORER_FORMAT, scorerJsonSchema } from './scorer-json.js';
export type { ScorerJson } from './scorer-json.js';
