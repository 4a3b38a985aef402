import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateParams } from '../../src/config/index.js';
import { initTfBackend } from '../../src/models/tfjs/index.js';
import { configHash } from '../../src/pipeline/index.js';
import {
  featuresMain,
  ingestMain,
  readFeatureDir,
  readRawBars,
  runStudent,
  runTeacher,
  runValidate,
  type StageContext,
} from '../../src/stages/index.js';
import { buildLabelledRows, trainTeacher } from '../../src/training/index.js';
import { readJson, tempDir, treeHashes } from './helpers.js';

// Slow: the whole default pipeline (36 symbols × 3 years) twice.
const r = validateParams({});
if (!r.ok) throw new Error('defaults must validate');
const ctx: StageContext = { params: r.value, configHash: configHash(r.value), file: 'params.yaml', root: process.cwd() };

async function runAll(root: string): Promise<Record<string, string>> {
  rmSync(root, { recursive: true, force: true });
  ingestMain(ctx, join(root, 'raw'));
  featuresMain(ctx, join(root, 'raw'), join(root, 'features'));
  const bars = readRawBars(join(root, 'raw'), ctx.params.base.exchange_tz);
  const tables = readFeatureDir(join(root, 'features'));
  await runTeacher(ctx, bars, tables, { outDir: join(root, 'teacher'), inputs: [join(root, 'raw'), join(root, 'features')] });
  await runStudent(ctx, { teacherDir: join(root, 'teacher'), outDir: join(root, 'student') });
  runValidate(ctx, bars, tables, { studentDir: join(root, 'student'), outDir: join(root, 'validation') });
  return treeHashes(root);
}

describe('default pipeline [slow]', () => {
  const root = join(tempDir(), 'run');
  let first: Record<string, string>;
  let second: Record<string, string>;

  beforeAll(async () => {
    await initTfBackend();
    first = await runAll(root);
    second = await runAll(root);
  }, 600_000);

  it('two clean runs with the same params give byte-identical artifacts', () => {
    expect(Object.keys(first).length).toBeGreaterThan(80);
    expect(Object.keys(second)).toEqual(Object.keys(first));
    const differing = Object.keys(first).filter((f) => first[f] !== second[f]);
    expect(differing).toEqual([]);
  });

  it('finds out-of-sample signal: AUC clearly above chance, far from 1, student near teacher', () => {
    const t = readJson(join(root, 'teacher', 'evaluation_metrics.json')).test_metrics.macro_auc;
    const s = readJson(join(root, 'student', 'evaluation_metrics.json')).test_metrics.macro_auc;
    expect(t).toBeGreaterThan(0.56);
    expect(t).toBeLessThan(0.8);
    expect(s).toBeGreaterThan(0.56);
    expect(Math.abs(s - t)).toBeLessThan(0.05);
  });

  it('a model fed a leaked feature (the forward return) looks suspiciously good', async () => {
    const bars = readRawBars(join(root, 'raw'), ctx.params.base.exchange_tz);
    const tables = readFeatureDir(join(root, 'features'));
    const rows = buildLabelledRows(bars, tables, { horizon: 5, minHoldingReturn: 0.005 });
    rows.x = { ...rows.x, d: rows.x.d + 1, columns: [...rows.x.columns, rows.forwardReturn], featureNames: [...rows.x.featureNames, 'LEAK_forward_return'] };
    const params = { ...ctx.params, teacher: { ...ctx.params.teacher, oof_folds: 2, gbdt: { ...ctx.params.teacher.gbdt, num_rounds: 60 } } };
    const leaky = await trainTeacher(params, rows);
    expect(leaky.evaluation.report.test_metrics.macro_auc).toBeGreaterThan(0.95);
  });
});
