import type { Params } from '../config/index.js';
import { ConfigError, logger } from '../core/index.js';
import { type BarSeries, localDate } from '../data/index.js';
import type { FeatureTable } from '../features/index.js';
import { buildLabelledRows, type LabelledRows } from './labelled-rows.js';
import { mergeRows, rowsFromLabelsTable } from './merge-rows.js';
import { symbolsWithoutRows } from './row-quality.js';
import { type TeacherRun, trainTeacher } from './teacher.js';
import type { PreviousRun } from './teacher-artifacts.js';
import { readTeacherDir } from './teacher-dir.js';

/** Options of a teacher run beyond params: labelled window and incremental baseline. */
export interface TeacherRunOptions {
  startMs?: number;
  endMs?: number;
  /** Last bar a label may use (default endMs; the walk-forward batch labels a window's last rows with it). */
  labelEndMs?: number;
  /** Earlier teacher dir to warm-start from; with `appendLabels` its labels are appended. */
  baselineDir?: string;
  appendLabels?: boolean;
}

/** What the teacher core returns; `writeTeacherArtifacts` persists it. */
export interface TeacherResult {
  run: TeacherRun;
  /** Requested window as exchange-local dates (metadata `date_range`). */
  window: { start: string; end: string };
  previous?: PreviousRun;
}

/**
 * Stage core of `teacher` (shared by `dvc repro`, `train-teacher` and the batch): label the bars,
 * optionally merge an earlier run's labels, train and evaluate. Reads only the baseline dir it is given;
 * writes nothing.
 */
export async function runTeacher(
  params: Params,
  bars: BarSeries[],
  tables: FeatureTable[],
  opts: TeacherRunOptions = {},
): Promise<TeacherResult> {
  const t = params.teacher;
  const label = (b: BarSeries[]) =>
    buildLabelledRows(b, tables, {
      horizon: t.horizon,
      minHoldingReturn: t.min_holding_return,
      startMs: opts.startMs,
      endMs: opts.endMs,
      labelEndMs: opts.labelEndMs,
      sessionTz: t.strategy === 'intraday' ? params.base.exchange_tz : undefined,
    });
  let rows: LabelledRows = label(bars);
  const drop = symbolsWithoutRows(rows, params);
  if (drop.length > 0) rows = label(bars.filter((b) => !drop.includes(b.symbol)));
  if (rows.n === 0) {
    throw new ConfigError('no labelled rows in the requested window', [
      {
        path: 'teacher',
        message: `every row is warm-up or past the horizon${t.strategy === 'intraday' ? ' or crosses a session close' : ''}`,
        fix: 'widen --start-date/--end-date or reduce teacher.horizon',
      },
    ]);
  }
  let previous: PreviousRun | undefined;
  let init: Parameters<typeof trainTeacher>[2];
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
  const run = await trainTeacher(params, rows, init);
  const tz = params.base.exchange_tz;
  const window = {
    start: opts.startMs === undefined ? params.data.start : localDate(opts.startMs, tz),
    end: opts.endMs === undefined ? params.data.end : localDate(opts.endMs, tz),
  };
  return { run, window, ...(previous ? { previous } : {}) };
}
