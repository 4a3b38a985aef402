import { logger } from '../core/index.js';
import { type BarSeries, barWindow, readRawBars } from '../data/index.js';
import { type FeatureTable, readFeatureDir } from '../features/index.js';
import { PATHS, prepareOutputDir } from '../pipeline/index.js';
import {
  runTeacher,
  type TeacherResult,
  type TeacherRunOptions,
  writeTeacherArtifacts,
} from '../training/index.js';
import type { StageContext } from './context.js';

/** Where the teacher stage reads and writes (the DVC layout by default). */
export interface TeacherIO {
  rawDir: string;
  featuresDir: string;
  outDir: string;
}

/** Teacher core + writer on in-memory bars and features (the CLI and the batch compute them on the fly). */
export async function teacherStage(
  ctx: StageContext,
  bars: BarSeries[],
  tables: FeatureTable[],
  opts: TeacherRunOptions & { outDir: string; inputs?: string[] },
): Promise<TeacherResult> {
  prepareOutputDir(opts.outDir); // before training: an unwritable directory fails in a second, not after
  const result = await runTeacher(ctx.params, bars, tables, opts);
  writeTeacherArtifacts(opts.outDir, result.run, ctx.params, ctx.configHash, {
    inputs: opts.inputs ?? [],
    previous: result.previous,
    window: result.window,
  });
  logger.info('teacher written', { out: opts.outDir, rows: result.run.rows.n });
  return result;
}

/** Stage main: raw-bar store + feature store → teacher dir. */
export async function teacherMain(
  ctx: StageContext,
  io: TeacherIO = { rawDir: PATHS.raw, featuresDir: PATHS.features, outDir: PATHS.teacher },
): Promise<TeacherResult> {
  const bars = readRawBars(io.rawDir, ctx.params.base.exchange_tz);
  const tables = readFeatureDir(io.featuresDir);
  // Label only data.start … data.end: the raw store also holds the warm-up lookback before the window.
  const { data, base } = ctx.params;
  const w = barWindow(data.start, data.end, 0, base.exchange_tz);
  return teacherStage(ctx, bars, tables, {
    outDir: io.outDir,
    inputs: [io.rawDir, io.featuresDir],
    startMs: w.startMs,
    endMs: w.endMs,
  });
}
