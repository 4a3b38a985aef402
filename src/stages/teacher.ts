import { join } from 'node:path';
import { ConfigError, logger } from '../core/index.js';
import { type BarSeries, localDate } from '../data/index.js';
import type { FeatureTable } from '../features/index.js';
import {
  buildLabelledRows,
  type LabelledRows,
  mergeRows,
  readTeacherDir,
  rowsFromLabelsTable,
  TEACHER_FILES,
  type TeacherRun,
  trainTeacher,
  writeTeacherArtifacts,
} from '../training/index.js';
import type { StageContext } from './context.js';
import { readFeatureDir } from './features.js';
import { readRawBars } from './ingest.js';
import { PATHS } from './paths.js';

/** Options of a teacher run beyond params: output dir, labelled window, incremental baseline. */
export interface TeacherRunOptions {
  outDir: string;
  startMs?: number;
  endMs?: number;
  /** Earlier teacher dir to warm-start from; with `appendLabels` its labels are appended. */
  baselineDir?: string;
  appendLabels?: boolean;
  inputs?: string[];
}

/** Core shared by the DVC stage and `train-teacher`: label, train, evaluate, write artifacts. */
export async function runTeacher(
  ctx: StageContext,
  bars: BarSeries[],
  tables: FeatureTable[],
  opts: TeacherRunOptions,
): Promise<TeacherRun> {
  const t = ctx.params.teacher;
  let rows: LabelledRows = buildLabelledRows(bars, tables, {
    horizon: t.horizon,
    minHoldingReturn: t.min_holding_return,
    startMs: opts.startMs,
    endMs: opts.endMs,
    sessionTz: t.strategy === 'intraday' ? ctx.params.base.exchange_tz : undefined,
  });
  if (rows.n === 0) {
    throw new ConfigError('no labelled rows in the requested window', [
      {
        path: 'teacher',
        message: `every row is warm-up or past the horizon${t.strategy === 'intraday' ? ' or crosses a session close' : ''}`,
        fix: 'widen --start-date/--end-date or reduce teacher.horizon',
      },
    ]);
  }
  let previous: { dir: string; model_sha256: string; rows: number } | undefined;
  let init: TeacherRunInit;
  if (opts.appendLabels && !opts.baselineDir) {
    throw new ConfigError('--append-labels needs --baseline-model <teacher dir>', [
      { path: '--baseline-model', message: 'missing', fix: 'pass the earlier run’s teacher directory' },
    ]);
  }
  if (opts.baselineDir) {
    const base = readTeacherDir(opts.baselineDir);
    init = base.saved;
    previous = { dir: opts.baselineDir, model_sha256: base.metadata.model_sha256, rows: base.labels.n };
    if (opts.appendLabels) {
      const older = rowsFromLabelsTable(base.labels, base.metadata.teacher_params.features);
      const before = rows.n;
      rows = mergeRows(older, rows);
      logger.info('teacher: appended labels', {
        baseline_rows: older.n,
        new_rows: before,
        merged_rows: rows.n,
      });
    }
  }
  const run = await trainTeacher(ctx.params, rows, init);
  const tz = ctx.params.base.exchange_tz;
  const window = {
    start: opts.startMs === undefined ? ctx.params.data.start : localDate(opts.startMs, tz),
    end: opts.endMs === undefined ? ctx.params.data.end : localDate(opts.endMs, tz),
  };
  writeTeacherArtifacts(opts.outDir, run, ctx.params, ctx.configHash, {
    inputs: opts.inputs ?? [],
    previous,
    window,
  });
  logger.info('teacher written', { out: opts.outDir, rows: rows.n });
  return run;
}

type TeacherRunInit = Parameters<typeof trainTeacher>[2];

/** DVC stage main: data/raw + data/features → data/models/teacher. */
export async function teacherMain(ctx: StageContext): Promise<TeacherRun> {
  const bars = readRawBars(PATHS.raw, ctx.params.base.exchange_tz);
  const tables = readFeatureDir(PATHS.features);
  return runTeacher(ctx, bars, tables, { outDir: PATHS.teacher, inputs: [PATHS.raw, PATHS.features] });
}

export { TEACHER_FILES };
export const teacherModelPath = (dir: string) => join(dir, TEACHER_FILES.model);
