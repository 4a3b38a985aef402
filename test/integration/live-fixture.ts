import { join } from 'node:path';
import { type Params, parseSettings, type Settings, validateParams } from '../../src/config/index.js';
import { type BarSeries, type IngestResult, ingest, parseTimestamp } from '../../src/data/index.js';
import { computeFeatures, type FeatureTable } from '../../src/features/index.js';
import { initTfBackend } from '../../src/models/tfjs/index.js';
import { configHash } from '../../src/pipeline/index.js';
import { promote } from '../../src/registry/index.js';
import { type StageContext, studentStage, teacherStage, validateStage } from '../../src/stages/index.js';
import { readJson, tempDir } from './helpers.js';

/** The synthetic market's momentum flips to a weak reversal from this date on. */
export const REGIME_CHANGE = '2024-09-02';
export const SYMBOLS = [
  'RELIANCE',
  'TCS',
  'INFY',
  'HDFCBANK',
  'ICICIBANK',
  'ITC',
  'SBIN',
  'LTIM',
  'WIPRO',
  'TITAN',
  'MARUTI',
  'NTPC',
];

/** A trained, validated and promoted pair of students over a market whose regime changes. */
export interface LiveFixture {
  params: Params;
  ctx: StageContext;
  series: BarSeries[];
  /** The ingest result (series + report), for writing a raw-bar store. */
  ingested: IngestResult;
  tables: FeatureTable[];
  root: string;
  /** Registry root: v1 archived, v2 in production. */
  registry: string;
  /** Student dirs (training outputs, each with its validation checklist). */
  v1Dir: string;
  v2Dir: string;
  /** First bar time after the regime change (exchange-local midnight of REGIME_CHANGE). */
  changeMs: number;
  /** The models' out-of-sample start (metadata data.test_start). */
  testStartMs: number;
}

function context(overrides: Record<string, unknown> = {}): StageContext {
  const r = validateParams({
    data: {
      symbols: SYMBOLS,
      start: '2022-01-01',
      end: '2024-12-31',
      synthetic: { regime_change_date: REGIME_CHANGE, signal_strength: 3 },
    },
    teacher: { gbdt: { num_rounds: 80, early_stopping_rounds: 15 }, oof_folds: 3 },
    student: { nn: { epochs: 15, patience: 4 }, ...overrides },
    validation: { bootstrap_samples: 200 },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return { params: r.value, configHash: configHash(r.value), file: 'params.yaml', root: process.cwd() };
}

/**
 * 12 symbols × 3 years of daily bars with a regime change on 2024-09-02; a GBDT teacher and two logistic
 * students (alpha 0.5 → v2, alpha 0.2 → v1) trained before the change, each validated on its test period
 * up to the change (so the checklists hold pre-change metrics), promoted v1 then v2 (forced: the small
 * universe fails the calibration criterion, which does not matter here). ~15 s.
 */
export async function buildLiveFixture(): Promise<LiveFixture> {
  await initTfBackend();
  const ctx = context();
  const ingested = ingest(ctx.params);
  const { series } = ingested;
  const tables = computeFeatures(ctx.params, series);
  const root = tempDir('sq-live-');
  const teacherDir = join(root, 'teacher');
  await teacherStage(ctx, series, tables, { outDir: teacherDir });
  const changeMs = parseTimestamp(REGIME_CHANGE, ctx.params.base.exchange_tz);
  const v1Dir = join(root, 'v1');
  const v2Dir = join(root, 'v2');
  await studentStage(context({ alpha: 0.2 }), { teacherDir, outDir: v1Dir });
  await studentStage(ctx, { teacherDir, outDir: v2Dir });
  for (const dir of [v1Dir, v2Dir]) {
    await validateStage(ctx, series, tables, { studentDir: dir, outDir: dir, endMs: changeMs - 1 });
  }
  const registry = join(root, 'models');
  const opts = { root: registry, force: true, reason: 'test fixture', actor: 'fixture' };
  promote(v1Dir, { ...opts, version: 'v1' });
  promote(v2Dir, { ...opts, version: 'v2' });
  const testStart = readJson(join(v2Dir, 'metadata.json')).data.test_start as string;
  return {
    params: ctx.params,
    ctx,
    series,
    ingested,
    tables,
    root,
    registry,
    v1Dir,
    v2Dir,
    changeMs,
    testStartMs: Date.parse(testStart),
  };
}

/** Settings as the environment would give them (SENSEQUANT_* names without the prefix). */
export function engineSettings(vars: Record<string, string>): Settings {
  const r = parseSettings(Object.fromEntries(Object.entries(vars).map(([k, v]) => [`SENSEQUANT_${k}`, v])));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
