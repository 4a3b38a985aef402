import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SYMBOLS } from '../src/data/index.js';
import { featuresMain, ingestMain, stageContext } from '../src/stages/index.js';
import type { Params } from '../src/config/index.js';
import { logger } from '../src/core/index.js';
import { gbdtOptionsFrom, parseGbdtOptions } from '../src/models/gbdt/index.js';
import {
  buildLabelledRows,
  type LabelledRows,
  purgedFolds,
  rowsOf,
  SPLIT,
  type TeacherRun,
  distilStudent,
  readTeacherDir,
  trainTeacher,
  writeTeacherArtifacts,
} from '../src/training/index.js';
import { lightgbmAvailable, lightgbmParams, trainLightgbmFits } from './lightgbm.js';

/** 36 default names plus 64 more (the synthetic market gives any name a sector and its own stream). */
export const SCALE_SYMBOLS: readonly string[] = [
  ...DEFAULT_SYMBOLS,
  ...Array.from({ length: 64 }, (_, i) => `SYN${String(i + 1).padStart(2, '0')}`),
];

/**
 * The same six fits (final model on the train rows, then each out-of-fold model, all with early
 * stopping on the validation rows) trained by LightGBM with the same hyper-parameters and 2 threads:
 * what the reference implementation needs for the teacher's workload. Empty when LightGBM is not
 * installed (scripts/bootstrap-bench.sh).
 */
function lightgbmTeacher(params: Params, rows: LabelledRows, run: TeacherRun): Record<string, number> {
  if (!lightgbmAvailable() || params.teacher.model_type !== 'gbdt') return {};
  const embargo = params.split.embargo_bars ?? params.teacher.horizon;
  const train = rowsOf(run.split.split, SPLIT.TRAIN);
  const folds = purgedFolds(rows.ts, train, params.teacher.oof_folds, embargo).filter(
    (f) => f.fit.length > 0 && f.predict.length > 0,
  );
  const opts = parseGbdtOptions(gbdtOptionsFrom(params.teacher.gbdt, params.base.seed));
  const fit = trainLightgbmFits(
    rows.x,
    rows.label,
    [train, ...folds.map((f) => f.fit)],
    rowsOf(run.split.split, SPLIT.VALID),
    lightgbmParams(opts, 2),
    opts.earlyStoppingRounds,
  );
  logger.info('teacher fits by lightgbm', {
    fit_s: fit.fitSeconds.map((s) => Math.round(s * 10) / 10),
    best_iterations: fit.bestIterations,
    lightgbm: fit.version,
  });
  return {
    teacher_500k_lightgbm_s: Math.round(fit.seconds * 100) / 100,
    teacher_500k_lightgbm_cpu_s: Math.round(fit.cpuSeconds * 100) / 100,
  };
}

/**
 * About 500k labelled rows: 100 synthetic symbols × 21 years of daily bars, default params otherwise.
 * Times the teacher core (trainTeacher: final fit plus the out-of-fold fits) and the student core
 * (distilStudent from the written teacher dir) in wall and CPU seconds; data generation, features and
 * artifact writing are not timed. Also times LightGBM on the teacher's six fits (lightgbmTeacher).
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
    const lgb = lightgbmTeacher(ctx.params, rows, run);
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
      ...lgb,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
