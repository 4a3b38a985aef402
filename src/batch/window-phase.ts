import { join } from 'node:path';
import { BATCH_FILES, writeFileAtomic } from '../pipeline/index.js';
import type { BatchContext, WindowStage } from './batch-context.js';
import { phaseProgress } from './batch-progress.js';
import type { JobExecutor } from './executor.js';
import { appendLedger, type WindowRecord, writeLedger } from './ledger.js';
import type { Phase } from './phases.js';
import type { TelemetryEventType } from './telemetry-schema.js';
import type { TelemetryWriter } from './telemetry.js';
import type { WindowTask } from './windows.js';

/** The ledger file of a window stage. */
export function ledgerFile(batchDir: string, stage: WindowStage): string {
  const name =
    stage === 'teacher'
      ? BATCH_FILES.teacherRuns
      : stage === 'student'
        ? BATCH_FILES.studentRuns
        : BATCH_FILES.validationRuns;
  return join(batchDir, name);
}

const EVENTS: Record<WindowStage, Record<WindowRecord['status'], TelemetryEventType>> = {
  teacher: {
    success: 'teacher_window_success',
    skipped: 'teacher_window_skip',
    failed: 'teacher_window_fail',
  },
  student: {
    success: 'student_window_success',
    skipped: 'student_window_fail',
    failed: 'student_window_fail',
  },
  validation: {
    success: 'validation_window_success',
    skipped: 'validation_window_fail',
    failed: 'validation_window_fail',
  },
};

/**
 * Runs one window stage over `tasks` on the executor. As each window finishes its record is appended
 * to the stage's ledger, its telemetry event emitted and the progress updated — all while the batch
 * runs. At the end the ledger is rewritten in window order, one line per window.
 */
export async function runWindowPhase(
  b: BatchContext,
  stage: WindowStage,
  phase: Phase,
  tasks: readonly WindowTask[],
  exec: JobExecutor,
  tel: TelemetryWriter,
): Promise<WindowRecord[]> {
  const file = ledgerFile(b.batchDir, stage);
  writeFileAtomic(file, ''); // this run's lines only (verified artifacts, not old lines, drive resume)
  const progress = phaseProgress(phase, tasks.length);
  const records: WindowRecord[] = [];
  try {
    await exec.run(
      tasks.map((task) => ({ stage, task })),
      (_job, r) => {
        records.push(r.record);
        appendLedger(file, r.record);
        const counts = progress.update(r.record.status);
        const rec = r.record;
        tel.emit({
          event_type: EVENTS[stage][rec.status],
          phase,
          symbol: rec.symbol,
          window_label: rec.window_label,
          status: rec.status,
          metrics: rec.metrics ?? {},
          message: rec.message ?? (r.resumed ? 'resumed: artifacts verified against their checksums' : null),
          duration_seconds: r.seconds,
          progress: counts,
        });
      },
    );
  } finally {
    progress.done();
  }
  writeLedger(file, records);
  return records.sort((x, y) => x.window_index - y.window_index);
}
