import type { BatchContext, WindowStage } from './batch-context.js';
import type { ResolvedBatchOptions } from './batch-options.js';
import type { JobExecutor } from './executor.js';
import type { BatchData } from './ingest-phase.js';
import type { WindowRecord } from './ledger.js';
import type { Phase } from './phases.js';
import type { StatTests } from './stat-tests.js';
import type { TelemetryWriter } from './telemetry.js';
import type { WindowTask } from './windows.js';

/** Wall-clock record of one phase (run log, telemetry and summary.md only; never in ledgers). */
export interface PhaseTiming {
  phase: Phase;
  status: 'success' | 'skipped' | 'failed';
  seconds: number;
  started: string;
  ended: string;
  message: string | null;
}

/** What a phase step reports. */
export interface PhaseResult {
  status: 'success' | 'skipped' | 'failed';
  message: string | null;
  metrics: Record<string, number | null>;
}

/** Everything the phases share while a batch runs. */
export interface RunState {
  o: ResolvedBatchOptions;
  b: BatchContext;
  tel: TelemetryWriter;
  /** The executor, started on first use (worker threads or queue connection). */
  executor(): Promise<JobExecutor>;
  data: BatchData | null;
  tasks: WindowTask[];
  records: Partial<Record<WindowStage, WindowRecord[]>>;
  stats: StatTests | null;
  timings: PhaseTiming[];
  /** The release audit bundle once written. */
  bundleDir: string | null;
  briefing: 'ready-for-review' | 'needs-attention' | null;
}
