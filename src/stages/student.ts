import { readFileSync } from 'node:fs';
import { ArtifactError, logger } from '../core/index.js';
import { StudentModel } from '../models/tfjs/index.js';
import { distilStudent, readTeacherDir, type StudentRun, writeStudentArtifacts } from '../training/index.js';
import type { StageContext } from './context.js';
import { PATHS } from './paths.js';

/** Options of a student run beyond params. */
export interface StudentRunOptions {
  teacherDir: string;
  outDir: string;
  tune?: boolean;
  /** Earlier student_model.json to warm-start from (--incremental --baseline-student). */
  baselineStudent?: string;
}

function loadStudentJson(path: string): StudentModel {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ArtifactError(`cannot read baseline student ${path}`, [
      {
        path,
        message: e instanceof Error ? e.message : String(e),
        fix: 'pass a student_model.json written by train-student',
      },
    ]);
  }
  return StudentModel.fromJSON(json as Parameters<typeof StudentModel.fromJSON>[0]);
}

/** Core shared by the DVC stage and `train-student`: verify the teacher dir, distil, write artifacts. */
export async function runStudent(ctx: StageContext, opts: StudentRunOptions): Promise<StudentRun> {
  const teacher = readTeacherDir(opts.teacherDir);
  const init = opts.baselineStudent ? loadStudentJson(opts.baselineStudent) : undefined;
  const run = await distilStudent(ctx.params, teacher, {
    tune: opts.tune ?? ctx.params.student.tuning.enabled,
    init,
  });
  writeStudentArtifacts(opts.outDir, run, teacher, ctx.params, ctx.configHash, {
    baselineStudent: opts.baselineStudent ?? null,
  });
  logger.info('student written', { out: opts.outDir });
  return run;
}

/** DVC stage main: data/models/teacher → data/models/student. */
export function studentMain(ctx: StageContext): Promise<StudentRun> {
  return runStudent(ctx, { teacherDir: PATHS.teacher, outDir: PATHS.student });
}
