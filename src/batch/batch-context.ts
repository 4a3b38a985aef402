import type { Params } from '../config/index.js';
import type { StageContext } from '../stages/index.js';
import type { WindowRecord } from './ledger.js';
import type { WindowTask } from './windows.js';

/** The phases that run per window. */
export type WindowStage = 'teacher' | 'student' | 'validation';

/** What every window job needs: the run, its directory and the validated params. */
export interface BatchContext {
  runId: string;
  /** The batch directory as given (relative to the working directory keeps artifacts relocatable). */
  batchDir: string;
  ctx: StageContext;
}

/** The batch context as plain data (posted to worker threads, carried by queue jobs). */
export interface BatchWire {
  runId: string;
  batchDir: string;
  params: Params;
  configHash: string;
  file: string;
}

/** One unit of work: one window in one phase. */
export interface WindowJob {
  stage: WindowStage;
  task: WindowTask;
}

/** What a job returns: its ledger record, whether verified artifacts were reused, and its wall time. */
export interface JobResult {
  record: WindowRecord;
  resumed: boolean;
  seconds: number;
}

/** Plain-data form of a batch context. */
export function toWire(b: BatchContext): BatchWire {
  return {
    runId: b.runId,
    batchDir: b.batchDir,
    params: b.ctx.params,
    configHash: b.ctx.configHash,
    file: b.ctx.file,
  };
}

/** A batch context rebuilt from its plain-data form (in a worker thread or a queue worker). */
export function fromWire(w: BatchWire): BatchContext {
  return {
    runId: w.runId,
    batchDir: w.batchDir,
    ctx: { params: w.params, configHash: w.configHash, file: w.file, root: process.cwd() },
  };
}
