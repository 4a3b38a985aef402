import { logger } from '../core/index.js';
import { setAtomicWriteDurability, prepareOutputDir } from '../pipeline/index.js';
import type { BatchContext } from './batch-context.js';
import { type BatchOptions, resolveBatchOptions } from './batch-options.js';
import type { JobExecutor } from './executor.js';
import { inlineExecutor } from './inline-executor.js';
import { type Phase, PHASES } from './phases.js';
import { runPhase } from './run-phase.js';
import type { PhaseTiming, RunState } from './run-state.js';
import { type StageCounts, stageCounts } from './stage-counts.js';
import { NO_TELEMETRY, telemetryWriter } from './telemetry.js';
import { threadExecutor } from './thread-executor.js';

/** What a batch run returns to its command. */
export interface BatchOutcome {
  runId: string;
  batchDir: string;
  windows: number;
  counts: { teacher?: StageCounts; student?: StageCounts; validation?: StageCounts };
  /** Windows that failed in any phase (the command exits 1 when there are some). */
  failedWindows: number;
  timings: PhaseTiming[];
  bundleDir: string | null;
  briefing: RunState['briefing'];
  telemetryFile: string | null;
}

async function startExecutor(s: RunState): Promise<JobExecutor> {
  const { o, b } = s;
  if (o.queue) return (await import('./queue-executor.js')).queueExecutor(b, o.queue);
  if (o.workers > 1) return threadExecutor(b, o.workers);
  return inlineExecutor(b);
}

const WINDOW_PHASES: readonly Phase[] = ['teacher_training', 'student_training', 'model_validation'];

/** Closes the executor; a failure to start it was already reported by the phase that needed it. */
async function closeQuietly(exec: Promise<JobExecutor>): Promise<void> {
  try {
    await (await exec).close();
  } catch (e) {
    logger.debug('batch executor close', { error: String(e) });
  }
}

/**
 * Runs a walk-forward batch: the phases asked for, in order (ingestion, teacher, student, validation,
 * statistical tests, release audit, promotion briefing), each timed and bracketed by telemetry events.
 * Windows that fail or are skipped are recorded and never stop the batch; an error of the batch itself
 * (bad config, unreadable data) ends it with run_end failed and is rethrown for the CLI's exit code.
 */
export async function runBatch(opts: BatchOptions): Promise<BatchOutcome> {
  const o = resolveBatchOptions(opts);
  const b: BatchContext = { runId: o.runId, batchDir: o.batchDir, ctx: o.ctx };
  const tel = o.telemetryDir ? telemetryWriter(o.telemetryDir, o.runId) : NO_TELEMETRY;
  let exec: Promise<JobExecutor> | null = null;
  const s: RunState = {
    o,
    b,
    tel,
    executor: () => {
      exec ??= startExecutor(s);
      return exec;
    },
    data: null,
    tasks: [],
    records: {},
    stats: null,
    timings: [],
    bundleDir: null,
    briefing: null,
  };
  const t0 = performance.now();
  prepareOutputDir(o.batchDir, 'batch directory');
  // Checksums on resume replace fsync's durability (see setAtomicWriteDurability); only while it runs.
  setAtomicWriteDurability(false);
  const phases = PHASES.filter((p) => o.phases.includes(p));
  tel.emit({
    event_type: 'run_start',
    status: 'in_progress',
    message: `phases: ${phases.join(', ')}`,
    metrics: { workers: o.workers },
  });
  logger.info('batch start', {
    run_id: o.runId,
    batch_dir: o.batchDir,
    workers: o.queue ? 'queue' : o.workers,
  });
  // Worker threads (or the queue connection) start while phase 1 ingests.
  if (phases.some((p) => WINDOW_PHASES.includes(p))) s.executor().catch(() => {});
  try {
    for (const phase of phases) await runPhase(s, phase);
  } catch (e) {
    tel.emit({
      event_type: 'run_end',
      status: 'failed',
      message: String(e).split('\n')[0],
      duration_seconds: (performance.now() - t0) / 1000,
    });
    throw e;
  } finally {
    setAtomicWriteDurability(true);
    if (exec) await closeQuietly(exec);
  }
  const counts: BatchOutcome['counts'] = {};
  let failedWindows = 0;
  for (const k of ['teacher', 'student', 'validation'] as const) {
    const rs = s.records[k];
    if (!rs) continue;
    const c = stageCounts(rs);
    counts[k] = c;
    failedWindows += c.failed;
  }
  const total = (performance.now() - t0) / 1000;
  tel.emit({
    event_type: 'run_end',
    status: failedWindows > 0 ? 'failed' : 'success',
    message: `${s.tasks.length} windows, ${failedWindows} failed`,
    metrics: { windows: s.tasks.length, failed: failedWindows },
    duration_seconds: total,
  });
  return {
    runId: o.runId,
    batchDir: o.batchDir,
    windows: s.tasks.length,
    counts,
    failedWindows,
    timings: s.timings,
    bundleDir: s.bundleDir,
    briefing: s.briefing,
    telemetryFile: tel.file,
  };
}
