import { join } from 'node:path';
import { type Params, settings } from '../config/index.js';
import { formatTs, localDate } from '../data/index.js';
import { CLASSES, NUM_CLASSES } from '../labels/index.js';
import { learners } from '../models/index.js';
import {
  EVALUATION_FILES,
  artifactTimestamp,
  ensureDir,
  sha256File,
  stableStringify,
  stageProvenance,
  TEACHER_FILES,
  writeColumnsCsv,
  writeFileAtomic,
  writeJsonAtomic,
} from '../pipeline/index.js';
import { writeEvaluationArtifacts } from './evaluation-artifacts.js';
import { featureImportance, importancePlotRows, importanceRows } from './feature-importance.js';
import { SPLIT_NAMES } from './time-split.js';
import type { TeacherRun } from './teacher.js';

/** Lineage of an incremental (--append-labels) run. */
export interface PreviousRun {
  dir: string;
  model_sha256: string;
  rows: number;
}

/** Dataset statistics in the reference's shape plus split and exclusion counts (dates in exchange time). */
export function datasetStats(run: TeacherRun, params: Params) {
  const { rows, split } = run;
  const isoDate = (ms: number) => localDate(ms, params.base.exchange_tz);
  const dist = { LONG: 0, SHORT: 0, NOOP: 0 };
  for (let i = 0; i < rows.n; i++) dist[CLASSES[rows.label[i]]]++;
  let missing = 0;
  for (const c of rows.x.columns) for (let i = 0; i < c.length; i++) if (!Number.isFinite(c[i])) missing++;
  return {
    total_samples: rows.n,
    label_distribution: dist,
    missing_values: missing,
    date_range_actual: { start: isoDate(rows.ts[0]), end: isoDate(rows.ts[rows.n - 1]) },
    symbols: rows.symbols.length,
    features: rows.x.featureNames.length,
    excluded: {
      horizon_past_data: rows.excludedHorizon,
      warmup: rows.excludedWarmup,
      embargo: split.counts.embargo,
      // Only intraday labels drop rows at session closes; swing stats keep their shape.
      ...(params.teacher.strategy === 'intraday' ? { session_close: rows.excludedSession } : {}),
    },
    splits: {
      train: split.counts.train,
      valid: split.counts.valid,
      test: split.counts.test,
      train_end: isoDate(split.boundaries.trainEnd),
      valid_end: isoDate(split.boundaries.validEnd),
      test_start: isoDate(split.boundaries.testStart),
      embargo_bars: params.split.embargo_bars,
    },
  };
}

/** Writes every teacher artifact into `dir`; returns the written paths. */
export function writeTeacherArtifacts(
  dir: string,
  run: TeacherRun,
  params: Params,
  configHash: string,
  extra: { inputs: string[]; previous?: PreviousRun; window?: { start: string; end: string } },
): string[] {
  ensureDir(dir);
  const { rows, model, proba, split } = run;
  const tz = params.base.exchange_tz;
  const p = (f: string) => join(dir, f);
  writeFileAtomic(p(TEACHER_FILES.model), `${stableStringify(model.toJSON())}\n`);

  const n = rows.n;
  const datetime = Array.from(rows.ts, (t) => formatTs(t, tz));
  const symbol = Array.from(rows.symbolIdx, (s) => rows.symbols[s]);
  const splitName = Array.from(split.split, (s) => (s < 0 ? 'embargo' : SPLIT_NAMES[s]));
  const labelName = Array.from(rows.label, (l) => CLASSES[l]);
  const probs = CLASSES.map((_, k) => Float64Array.from({ length: n }, (_, i) => proba[i * NUM_CLASSES + k]));
  const feats = rows.x.columns;
  writeColumnsCsv(
    p(TEACHER_FILES.features),
    ['ts', 'datetime', 'symbol', ...rows.x.featureNames],
    [rows.ts, datetime, symbol, ...feats],
  );
  writeColumnsCsv(
    p(TEACHER_FILES.labels),
    [
      'ts',
      'datetime',
      'symbol',
      'split',
      ...rows.x.featureNames,
      'label',
      'label_id',
      'forward_return',
      ...CLASSES.map((c) => `p_${c}`),
    ],
    [rows.ts, datetime, symbol, splitName, ...feats, labelName, rows.label, rows.forwardReturn, ...probs],
  );
  const stats = datasetStats(run, params);
  writeJsonAtomic(p(TEACHER_FILES.stats), stats);
  const importance = importanceRows(model);
  writeJsonAtomic(p(TEACHER_FILES.importance), featureImportance(model, importance));
  const t = params.teacher;
  const timestamp = artifactTimestamp(rows.ts[n - 1], settings().sourceDateEpochMs);
  const evalFiles = writeEvaluationArtifacts(
    dir,
    run.evaluation,
    {
      timestamp,
      config_hash: configHash,
      teacher_dir: dir,
      test_size: params.split.test_size,
      cv_folds: run.oofFolds,
      model_type: model.className,
      hyperparameters: model.getConfig(),
    },
    'teacher',
  );
  const importancePlot = join(dir, EVALUATION_FILES.plotsDir, EVALUATION_FILES.importancePlot);
  writeJsonAtomic(importancePlot, importancePlotRows(model, importance));
  const outputs = [
    TEACHER_FILES.model,
    TEACHER_FILES.labels,
    TEACHER_FILES.features,
    TEACHER_FILES.stats,
    TEACHER_FILES.importance,
  ].map(p);
  writeJsonAtomic(p(TEACHER_FILES.metadata), {
    timestamp,
    symbols: rows.symbols,
    date_range: extra.window ?? { start: params.data.start, end: params.data.end },
    strategy: t.strategy,
    config_hash: configHash,
    optimization_run: null,
    teacher_params: {
      min_holding_return: t.min_holding_return,
      lookback_days: t.lookback_days,
      horizon: t.horizon,
      features: rows.x.featureNames,
    },
    dataset_stats: {
      total_samples: stats.total_samples,
      label_distribution: stats.label_distribution,
      missing_values: stats.missing_values,
      date_range_actual: stats.date_range_actual,
    },
    model_type: learners.forRole('teacher', t.model_type).teacher.label,
    model_class: model.className,
    model_params: model.getConfig(),
    model_sha256: sha256File(p(TEACHER_FILES.model)),
    soft_labels: {
      train: `out-of-fold (${run.oofFolds} purged folds, embargo ${params.split.embargo_bars} bars)`,
      valid_test: 'final model',
    },
    split: { ...params.split, ...stats.splits },
    previous_run: extra.previous ?? null,
    provenance: stageProvenance({
      stage: 'teacher',
      configHash,
      inputs: extra.inputs,
      outputs: [...outputs, ...evalFiles, importancePlot],
    }),
  });
  return [...outputs, ...evalFiles, importancePlot, p(TEACHER_FILES.metadata)];
}
