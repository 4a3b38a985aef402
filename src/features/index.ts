// Batch kernels compute a whole column (name.ts). Each has a streaming twin beside it (name-stream.ts): a
// constant-memory state machine per symbol, O(1) per bar, bit-identical to its batch kernel, with push(x)
// and allocation-free pushFrom(src, i) / pushBar(bar) forms (contract in streaming-indicator.ts). The
// feature-level twins (ObvFlowStream, VolumeZStream) mirror feature-specs.ts; feature-families.ts groups
// twins as IndicatorSet does, and FeatureStream assembles them into the batch's feature rows per symbol.
export { type AdxResult, adx } from './adx.js';
export { AdxStream } from './adx-stream.js';
export { atr, trueRange } from './atr.js';
export { AtrStream, TrueRangeStream } from './atr-stream.js';
export { type BollingerBands, bollinger } from './bollinger.js';
export { BollingerStream } from './bollinger-stream.js';
export { buildFeatureTable, computeFeaturesForAll } from './build-feature-table.js';
export { computeIndicators } from './compute-indicators.js';
export { ema } from './ema.js';
export { EmaStream } from './ema-stream.js';
export {
  FEATURE_FAMILIES,
  FEATURE_NAMES,
  type FeatureName,
  INDICATOR_NAMES,
  type IndicatorName,
  resolveFeatureSelection,
} from './feature-names.js';
export { FeatureStream } from './feature-stream.js';
export { type FeatureStreamOptions, resolveStreamOptions } from './feature-stream-options.js';
export { type MacdResult, macd } from './macd.js';
export { MacdStream } from './macd-stream.js';
export { obv } from './obv.js';
export { ObvFlowStream, ObvStream } from './obv-stream.js';
export { logReturn, rollingVolatility } from './returns.js';
export { LogReturnStream, RollingVolatilityStream } from './returns-stream.js';
export { rollingStd } from './rolling-std.js';
export { RollingStdStream } from './rolling-std-stream.js';
export { rsi } from './rsi.js';
export { RsiStream } from './rsi-stream.js';
export { sessionKeys } from './session-keys.js';
export { SessionKeyStream } from './session-keys-stream.js';
export { sma } from './sma.js';
export { SmaStream } from './sma-stream.js';
export { streamFeatureTable } from './stream-feature-table.js';
export { BAR, BAR_FIELDS, type StreamingIndicator } from './streaming-indicator.js';
export type { FeatureOptions, FeatureTable, VwapMode } from './types.js';
export { VolumeZStream } from './volume-z-stream.js';
export { rollingVwap, sessionVwap } from './vwap.js';
export { RollingVwapStream, SessionVwapStream } from './vwap-stream.js';
export { resolveVwapMode } from './vwap-mode.js';
export { computeFeatures, featureOptions } from './compute-features.js';
export { readFeatureCsv, readFeatureDir, writeFeatureCsv, writeFeatureDir } from './feature-store.js';
