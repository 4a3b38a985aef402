// The live scoring engine: start-up through the registry's verified loader (or the baseline strategy),
// per-bar decisions (streaming features → compiled scorer → signal adjustment), telemetry JSONL,
// monitoring against validation with alerts and auto-rollback, replays over stored bars, and the
// status dashboard server.
export type { ActiveStudent, ModelSelection, ModelSource, StudentLoad } from './active-student.js';
export { loadActiveStudent } from './active-student.js';
export { autoRollback } from './auto-rollback.js';
export type { AutoRollbackResult } from './auto-rollback.js';
export type { BaselineStrategy } from './baseline-strategy.js';
export { fdSink, fileSink, memorySink } from './byte-sink.js';
export type { ByteSink } from './byte-sink.js';
export { createStrategy } from './create-strategy.js';
export {
  className,
  emptyDecision,
  POLICIES,
  PREDICTION_SOURCES,
  SOURCE_BASELINE,
  SOURCE_STUDENT,
  STRATEGIES,
} from './decision.js';
export type { Decision, EnginePolicy, PredictionSource, StrategyKind } from './decision.js';
export { resolveEngineConfig } from './engine-config.js';
export type { EngineConfig, EngineOverrides } from './engine-config.js';
export { EngineStateWriter, readEngineState } from './engine-state.js';
export type { AlertRecord, EngineState, EngineStatus, MetricsPoint } from './engine-state.js';
export { DASHBOARD_HTML } from './dashboard-page.js';
export { startDashboard } from './dashboard-server.js';
export type { Dashboard, DashboardOptions } from './dashboard-server.js';
export { engineOverview } from './engine-overview.js';
export type { EngineOverview } from './engine-overview.js';
export { EngineSupervisor } from './engine-supervisor.js';
export { IntradayStrategy } from './intraday-strategy.js';
export type { IntradayOptions } from './intraday-strategy.js';
export { ascii, utf8 } from './json-bytes.js';
export { LineBuffer } from './line-buffer.js';
export { LiveEngine } from './live-engine.js';
export type { LiveEngineOptions } from './live-engine.js';
export { OutcomeTracker } from './outcome-tracker.js';
export { replay } from './replay.js';
export type { ReplayCounts, ReplayOptions } from './replay.js';
export { COUNTS, RollingCounts } from './rolling-counts.js';
export {
  adjustmentFactor,
  AGREE_FACTOR,
  DISAGREE_FACTOR,
  MAX_POSITION,
  signalTarget,
  studentTarget,
} from './signal-adjustment.js';
export { monitorConfig, StudentMonitor } from './student-monitor.js';
export type { Breach, Evaluation, MonitorConfig, ValidationBaseline } from './student-monitor.js';
export { SwingStrategy } from './swing-strategy.js';
export { featureIndex, symbolState } from './symbol-state.js';
export type { SymbolState } from './symbol-state.js';
export { RingReader } from './ring-reader.js';
export { CTRL, createRing, KIND, readRecord, writeRecord } from './telemetry-ring.js';
export type { RingMemory } from './telemetry-ring.js';
export { TelemetryThread } from './telemetry-thread.js';
export { TELEMETRY_FIELDS, TelemetryWriter } from './telemetry-writer.js';
export type { TelemetryOutput } from './telemetry-writer.js';
export { readValidationBaseline } from './validation-baseline.js';
