import type { Issue } from '../core/index.js';
import { FeatureStream } from '../features/index.js';
import type { BaselineStrategy } from './baseline-strategy.js';
import { createStrategy } from './create-strategy.js';
import type { EngineConfig } from './engine-config.js';

/** Per-symbol state: incremental features (the pipeline's selection), the baseline strategy, scratch rows. */
export interface SymbolState {
  features: FeatureStream;
  strategy: BaselineStrategy;
  /** The feature row of the last bar (FeatureStream order). */
  row: Float64Array;
  /** The student's input row (its feature order), sized for the active model. */
  x: Float64Array;
}

/** Fresh state for one symbol. */
export function symbolState(cfg: EngineConfig): SymbolState {
  const features = new FeatureStream({
    tz: cfg.tz,
    vwapMode: cfg.features.vwapMode,
    features: cfg.features.features,
  });
  return {
    features,
    strategy: createStrategy(cfg.strategy, {
      allowShort: cfg.allowShort,
      vwapMode: cfg.features.vwapMode,
      tz: cfg.tz,
      frequency: cfg.frequency,
    }),
    row: new Float64Array(features.names.length),
    x: new Float64Array(0),
  };
}

/**
 * Positions of the model's features in the stream's row (by name), or the issue naming the missing ones:
 * the engine computes the pipeline's feature selection (params features.list), so warm-up and values are
 * the batch tables' the model was validated on.
 */
export function featureIndex(
  modelFeatures: readonly string[],
  streamFeatures: readonly string[],
): Int32Array | Issue {
  const at = new Map(streamFeatures.map((n, j) => [n, j]));
  const missing = modelFeatures.filter((n) => !at.has(n));
  if (missing.length > 0) {
    return {
      path: 'features.list',
      value: missing.slice(0, 10),
      message: 'the model needs features the engine does not compute',
      fix: 'serve a model trained on params.yaml features.list, or set features.list: [] (every feature)',
    };
  }
  return Int32Array.from(modelFeatures, (n) => at.get(n) as number);
}
