import type * as QueueWorker from './queue-worker.js';

export { approveCandidate } from './approve-candidate.js';
export type { Approval } from './approve-candidate.js';
export { fromWire, toWire } from './batch-context.js';
export type { BatchContext, BatchWire, JobResult, WindowJob, WindowStage } from './batch-context.js';
export { defaultRunId, resolveBatchOptions } from './batch-options.js';
export type { BatchOptions } from './batch-options.js';
export { etaSeconds, phaseProgress } from './batch-progress.js';
export type { PhaseCounts } from './batch-progress.js';
export type { JobExecutor } from './executor.js';
export { ingestPhase } from './ingest-phase.js';
export { appendLedger, readLedger, WINDOW_STATUSES, windowRecordSchema, writeLedger } from './ledger.js';
export type { WindowRecord, WindowStatus } from './ledger.js';
export { batchParams, loadBatchContext } from './load-batch-params.js';
export { PHASES, TRAIN_PHASES } from './phases.js';
export type { Phase } from './phases.js';
export type { BatchWorkerHandle, BatchWorkerOptions } from './queue-worker.js';
export { bundleDir } from './release-audit.js';
export { runBatch } from './run-batch.js';
export type { BatchOutcome } from './run-batch.js';
export { runJob, windowDirs } from './run-job.js';
export { stageCounts } from './stage-counts.js';
export type { StageCounts } from './stage-counts.js';
export { binomialUpperTail, statTests } from './stat-tests.js';
export type { StatTests } from './stat-tests.js';
export { symbolCache, readSymbolData } from './symbol-data.js';
export { NO_TELEMETRY, telemetryWriter } from './telemetry.js';
export type { TelemetryWriter } from './telemetry.js';
export { followTelemetry, readTelemetry, trainingProgress } from './telemetry-reader.js';
export type { TelemetryTail, TrainingProgress } from './telemetry-reader.js';
export { TelemetryCursor } from './telemetry-cursor.js';
export type { TelemetryRead } from './telemetry-cursor.js';
export { TELEMETRY_EVENTS, telemetryEventSchema } from './telemetry-schema.js';
export type { TelemetryEvent, TelemetryEventType } from './telemetry-schema.js';
export { gbdtThreadsPerWorker, symbolAffinity } from './thread-executor.js';
export { TrainingFeed } from './training-feed.js';
export type { TrainingView, WindowResult } from './training-feed.js';
export { verifyStageDir } from './verify-dir.js';
export type { DirCheck } from './verify-dir.js';
export { planWindow } from './window-plan.js';
export type { SkipReason, WindowPlan } from './window-plan.js';
export { generateWindows } from './windows.js';
export type { WindowSpec, WindowTask } from './windows.js';

/** Starts a batch-worker (loaded on demand: only queue workers need BullMQ and the TF.js backend here). */
export const startBatchWorker = async (
  ...a: Parameters<typeof QueueWorker.startBatchWorker>
): ReturnType<typeof QueueWorker.startBatchWorker> =>
  (await import('./queue-worker.js')).startBatchWorker(...a);
