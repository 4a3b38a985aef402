import type { JobResult, WindowJob } from './batch-context.js';

/** Called as each job finishes, in completion order (ledger lines, telemetry, progress). */
export type OnResult = (job: WindowJob, result: JobResult) => void;

/**
 * Runs window jobs somewhere — in this thread, on worker_threads, or on a job queue — and reports each
 * result as it arrives. Every job yields exactly one result; a job's own failure is a `failed` record.
 */
export interface JobExecutor {
  /** How many jobs run at once (for logs and the ETA). */
  readonly concurrency: number;
  /** Where the jobs run: `inline`, `threads` or `queue`. */
  readonly mode: 'inline' | 'threads' | 'queue';
  run(jobs: WindowJob[], onResult: OnResult): Promise<void>;
  close(): Promise<void>;
}
