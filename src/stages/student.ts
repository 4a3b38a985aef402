import { logger } from '../core/index.js';
import { PATHS, prepareOutputDir } from '../pipeline/index.js';
import {
  readTeacherDir,
  runStudent,
  type StudentRun,
  type StudentRunOptions,
  writeStudentArtifacts,
} from '../training/index.js';
import type { StageContext } from './context.js';

/** Where the student stage reads and writes (the DVC layout by default). */
export interface StudentIO {
  teacherDir: string;
  outDir: string;
}

/** Student core + writer: verify the teacher dir, distil, write the student dir. */
export async function studentStage(
  ctx: StageContext,
  io: StudentIO,
  opts: StudentRunOptions = {},
): Promise<StudentRun> {
  prepareOutputDir(io.outDir);
  const teacher = readTeacherDir(io.teacherDir);
  const run = await runStudent(ctx.params, teacher, opts);
  writeStudentArtifacts(io.outDir, run, teacher, ctx.params, ctx.configHash, {
    baselineStudent: opts.baselineStudent ?? null,
  });
  logger.info('student written', { out: io.outDir });
  return run;
}

/** Stage main: teacher dir → student dir. */
export function studentMain(
  ctx: StageContext,
  io: StudentIO = { teacherDir: PATHS.teacher, outDir: PATHS.student },
): Promise<StudentRun> {
  return studentStage(ctx, io);
}
