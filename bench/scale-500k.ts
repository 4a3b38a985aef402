import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SYMBOLS } from '../src/data/index.js';
import { featuresMain, ingestMain, stageContext } from '../src/stages/index.js';
import {
  buildLabelledRows,
  distilStudent,
  readTeacherDir,
  trainTeacher,
  writeTeacherArtifacts,
} from '../src/training/index.js';

/** 36 default names plus 64 more (the synthetic market gives any name a sector and its own stream). */
export const SCALE_SYMBOLS: readonly string[] = [
  ...DEFAULT_SYMBOLS,
  ...Array.from({ length: 64 }, (_, i) => `SYN${String(i + 1).padStart(2, '0')}`),
];

/**
 * About 500k labelled rows: 100 synthetic symbols × 21 years of daily bars, default params otherwise.
 * Times the teacher core (trainTeacher: final fit plus the out-of-fold fits) and the student core
 * (distilStudent from the written teacher dir) in wall and CPU seconds; data generation, features and
 * artifact writing are not timed.
 */
export async function scale500k(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'sq-bench-500k-'));
  try {
    const ctx = stageContext('params.yaml', {
      data: { symbols: [...SCALE_SYMBOLS], start: '2004-01-01', end: '2024-12-31' },
    });
    const bars = (await ingestMain(ctx, { outDir: join(dir, 'raw') })).series;
    const tables = await featuresMain(ctx, { rawDir: join(dir, 'raw'), outDir: join(dir, 'features') });
    const t = ctx.params.teacher;
    const rows = buildLabelledRows(bars, tables, {
      horizon: t.horizon,
      minHoldingReturn: t.min_holding_return,
    });
    const cpu = (c0: NodeJS.CpuUsage): number => {
      const c = process.cpuUsage(c0);
      return Math.round((c.user + c.system) / 1e4) / 100;
    };
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const run = await trainTeacher(ctx.params, rows);
    const teacherS = (performance.now() - t0) / 1000;
    const teacherCpu = cpu(c0);
    writeTeacherArtifacts(join(dir, 'teacher'), run, ctx.params, ctx.configHash, { inputs: [] });
    const teacher = readTeacherDir(join(dir, 'teacher'));
    const c1 = process.cpuUsage();
    const t1 = performance.now();
    const student = await distilStudent(ctx.params, teacher);
    const studentS = (performance.now() - t1) / 1000;
    const studentCpu = cpu(c1);
    return {
      scale_500k_rows: rows.n,
      scale_500k_student_train_rows: student.splits.train.x.n,
      teacher_500k_s: Math.round(teacherS * 100) / 100,
      student_500k_s: Math.round(studentS * 100) / 100,
      // CPU seconds of the process (both threads): what a busy machine cannot inflate.
      teacher_500k_cpu_s: teacherCpu,
      student_500k_cpu_s: studentCpu,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
