import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { barWindow } from '../data/index.js';
import {
  BATCH_FILES,
  EVALUATION_FILES,
  METADATA_FILE,
  STUDENT_FILES,
  TEACHER_FILES,
  VALIDATION_FILES,
} from '../pipeline/index.js';
import { studentStage, teacherStage, validateStage } from '../stages/index.js';
import type { BatchContext, JobResult, WindowJob } from './batch-context.js';
import type { WindowRecord } from './ledger.js';
import type { SymbolData } from './symbol-data.js';
import { verifyStageDir } from './verify-dir.js';
import { planWindow } from './window-plan.js';
import { blankRecord, failure, studentSuccess, teacherSuccess, validationSuccess } from './window-records.js';
import type { WindowTask } from './windows.js';

/** Where a window's stages write: the teacher in the window dir, student and validation below it. */
export function windowDirs(batchDir: string, task: WindowTask) {
  const teacher = join(batchDir, task.label);
  return {
    teacher,
    student: join(teacher, BATCH_FILES.student),
    validation: join(teacher, BATCH_FILES.validation),
  };
}

/** Files a stage dir must list among its verified outputs (what the ledger metrics are read from). */
const REQUIRED = {
  teacher: [TEACHER_FILES.model, TEACHER_FILES.labels, TEACHER_FILES.stats, EVALUATION_FILES.metrics],
  student: [STUDENT_FILES.model, STUDENT_FILES.scorer, EVALUATION_FILES.metrics],
  validation: [VALIDATION_FILES.results, VALIDATION_FILES.checklistJson],
} as const;

/**
 * Runs one window job, resuming when it can: a stage directory that verifies against its checksums
 * (and was written under this config) is reused, anything else is (re)written by the same stage cores
 * as `dvc repro`. Never throws for a window's own failure: that is a `failed` record.
 */
export async function runJob(
  b: BatchContext,
  job: WindowJob,
  data: (symbol: string) => SymbolData,
): Promise<JobResult> {
  const t0 = performance.now();
  const rec = blankRecord(b, job);
  const dirs = windowDirs(b.batchDir, job.task);
  const hash = b.ctx.configHash;
  const done = (r: WindowRecord, resumed = false): JobResult => ({
    record: r,
    resumed,
    seconds: (performance.now() - t0) / 1000,
  });
  if (job.stage === 'teacher') {
    const v = verifyStageDir(dirs.teacher, METADATA_FILE, REQUIRED.teacher, hash);
    if (v.ok) return done(teacherSuccess(rec, dirs.teacher, v.metadata), true);
    let sd: SymbolData;
    try {
      sd = data(job.task.symbol);
    } catch (e) {
      return done(failure(rec, e, dirs.teacher));
    }
    const { params } = b.ctx;
    const plan = planWindow(job.task, sd.bars.ts, params.teacher.horizon, params.base.exchange_tz);
    if (plan.kind === 'skip') {
      rmSync(dirs.teacher, { recursive: true, force: true });
      return done({ ...rec, status: 'skipped', reason: plan.reason, message: plan.message });
    }
    try {
      await teacherStage(b.ctx, [sd.bars], [sd.table], {
        outDir: dirs.teacher,
        startMs: plan.startMs,
        endMs: plan.endMs,
        labelEndMs: plan.labelEndMs,
        inputs: sd.files,
      });
      const check = verifyStageDir(dirs.teacher, METADATA_FILE, REQUIRED.teacher, hash);
      if (!check.ok) throw new Error(`teacher dir does not verify after writing: ${check.reason}`);
      return done(teacherSuccess(rec, dirs.teacher, check.metadata));
    } catch (e) {
      return done(failure(rec, e, dirs.teacher));
    }
  }
  if (job.stage === 'student') {
    const input = { ...rec, input_path: dirs.teacher };
    const v = verifyStageDir(dirs.student, METADATA_FILE, REQUIRED.student, hash);
    if (v.ok) return done(studentSuccess(input, dirs.student, v.metadata), true);
    try {
      await studentStage(b.ctx, { teacherDir: dirs.teacher, outDir: dirs.student });
      const check = verifyStageDir(dirs.student, METADATA_FILE, REQUIRED.student, hash);
      if (!check.ok) throw new Error(`student dir does not verify after writing: ${check.reason}`);
      return done(studentSuccess(input, dirs.student, check.metadata));
    } catch (e) {
      rmSync(dirs.validation, { recursive: true, force: true });
      return done(failure(input, e, dirs.student));
    }
  }
  const input = { ...rec, input_path: dirs.student };
  const v = verifyStageDir(dirs.validation, VALIDATION_FILES.metadata, REQUIRED.validation, hash);
  if (v.ok) return done(validationSuccess(input, dirs.validation, v.metadata), true);
  try {
    const sd = data(job.task.symbol);
    const { params } = b.ctx;
    // The window's own out-of-sample period: the student's test split up to the window's last session.
    const { endMs } = barWindow(job.task.start, job.task.end, 0, params.base.exchange_tz);
    await validateStage(b.ctx, [sd.bars], [sd.table], {
      studentDir: dirs.student,
      outDir: dirs.validation,
      symbols: [job.task.symbol],
      endMs,
    });
    const check = verifyStageDir(dirs.validation, VALIDATION_FILES.metadata, REQUIRED.validation, hash);
    if (!check.ok) throw new Error(`validation dir does not verify after writing: ${check.reason}`);
    return done(validationSuccess(input, dirs.validation, check.metadata));
  } catch (e) {
    return done(failure(input, e, dirs.validation));
  }
}
