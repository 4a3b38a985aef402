export { type AdxResult, adx } from './adx.js';
export { atr, trueRange } from './atr.js';
export { type BollingerBands, bollinger } from './bollinger.js';
export { buildFeatureTable, computeFeaturesForAll } from './build-feature-table.js';
export { computeIndicators } from './compute-indicators.js';
export { ema } from './ema.js';
export {
  FEATURE_FAMILIES,
  FEATURE_NAMES,
  type FeatureName,
  INDICATOR_NAMES,
  type IndicatorName,
  resolveFeatureSelection,
} from './feature-names.js';
export { type MacdResult, macd } from './macd.js';
export { obv } from './obv.js';
export { logReturn, rollingVolatility } from './returns.js';
export { rollingStd } from './rolling-std.js';
export { rsi } from './rsi.js';
export { sessionKeys } from './session-keys.js';
export { sma } from './sma.js';
export type { FeatureOptions, FeatureTable, VwapMode } from './types.js';
export { rollingVwap, sessionVwap } from './vwap.js';
export { resolveVwapMode } from './vwap-mode.js';
export { computeFeatures, featureOptions } from './compute-features.js';
export { readFeatureCsv, readFeatureDir, writeFeatureCsv, writeFeatureDir } from './feature-store.js';
