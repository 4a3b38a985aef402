import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { validateParams } from '../../src/config/index.js';
import { registryStatus } from '../../src/registry/index.js';
import { initTfBackend } from '../../src/models/tfjs/index.js';
import { configHash } from '../../src/pipeline/index.js';
import { readRawBars } from '../../src/data/index.js';
import { readFeatureDir } from '../../src/features/index.js';
import {
  featuresMain,
  ingestMain,
  type StageContext,
  studentStage,
  teacherStage,
  validateStage,
} from '../../src/stages/index.js';
import { buildLabelledRows, trainTeacher } from '../../src/training/index.js';
import { readJson, tempDir, treeHashes } from './helpers.js';

// Slow: the whole default pipeline (36 symbols × 3 years) twice.
const r = validateParams({});
if (!r.ok) throw new Error('defaults must validate');
const ctx: StageContext = {
  params: r.value,
  configHash: configHash(r.value),
  file: 'params.yaml',
  root: process.cwd(),
};

async function runAll(root: string): Promise<Record<string, string>> {
  rmSync(root, { recursive: true, force: true });
  await ingestMain(ctx, { outDir: join(root, 'raw') });
  await featuresMain(ctx, { rawDir: join(root, 'raw'), outDir: join(root, 'features') });
  const bars = readRawBars(join(root, 'raw'), ctx.params.base.exchange_tz);
  const tables = readFeatureDir(join(root, 'features'));
  await teacherStage(ctx, bars, tables, {
    outDir: join(root, 'teacher'),
    inputs: [join(root, 'raw'), join(root, 'features')],
  });
  await studentStage(ctx, { teacherDir: join(root, 'teacher'), outDir: join(root, 'student') });
  await validateStage(ctx, bars, tables, {
    studentDir: join(root, 'student'),
    outDir: join(root, 'validation'),
  });
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

  it('records provenance: every output sha256 in metadata.json matches the file', () => {
    for (const stage of ['teacher', 'student']) {
      const prov = readJson(join(root, stage, 'metadata.json')).provenance;
      expect(prov.config_hash).toBe(ctx.configHash);
      expect(Object.keys(prov.outputs).length).toBeGreaterThan(3);
      for (const [path, sha] of Object.entries(prov.outputs)) {
        const rel = path.split(`${stage}/`).pop() as string;
        expect(first[`${stage}/${rel}`], path).toBe(sha);
      }
    }
  });

  it('promotes the validated default student and rolls back to it after a second promotion', async () => {
    const registry = join(tempDir(), 'models');
    const checklist = readJson(join(root, 'validation', 'promotion_checklist.json'));
    expect(checklist.recommendation).toBe('PROMOTE');
    const bundle = ['--checklist', join(root, 'validation', 'promotion_checklist.json'), '--root', registry];
    const quiet = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      expect(await main(['promote', join(root, 'student'), ...bundle])).toBe(0);
      const firstVersion = registryStatus(registry).production?.version;
      // A second candidate (MLP student) from the same teacher, validated into its own dir.
      const mlp: StageContext = {
        ...ctx,
        params: {
          ...ctx.params,
          student: {
            ...ctx.params.student,
            model_type: 'mlp',
            nn: { ...ctx.params.student.nn, hidden: [8], epochs: 10 },
          },
        },
      };
      await studentStage(mlp, { teacherDir: join(root, 'teacher'), outDir: join(root, 'student-mlp') });
      const bars = readRawBars(join(root, 'raw'), ctx.params.base.exchange_tz);
      const v = await validateStage(mlp, bars, readFeatureDir(join(root, 'features')), {
        studentDir: join(root, 'student-mlp'),
        outDir: join(root, 'student-mlp'),
      });
      const force =
        v.recommendation === 'PROMOTE'
          ? []
          : ['--force', '--reason', 'second candidate for the rollback test'];
      expect(await main(['promote', join(root, 'student-mlp'), '--root', registry, ...force])).toBe(0);
      expect(registryStatus(registry).production?.version).not.toBe(firstVersion);
      expect(await main(['rollback', '--root', registry, '--reason', 'test'])).toBe(0);
      const status = registryStatus(registry);
      expect(status.production).toMatchObject({ version: firstVersion, verified: true });
      expect(status.archive).toHaveLength(2);
    } finally {
      process.stdout.write = quiet;
    }
  }, 120_000);

  it('a model fed a leaked feature (the forward return) looks suspiciously good', async () => {
    const bars = readRawBars(join(root, 'raw'), ctx.params.base.exchange_tz);
    const tables = readFeatureDir(join(root, 'features'));
    const rows = buildLabelledRows(bars, tables, { horizon: 5, minHoldingReturn: 0.005 });
    rows.x = {
      ...rows.x,
      d: rows.x.d + 1,
      columns: [...rows.x.columns, rows.forwardReturn],
      featureNames: [...rows.x.featureNames, 'LEAK_forward_return'],
    };
    const params = {
      ...ctx.params,
      teacher: { ...ctx.params.teacher, oof_folds: 2, gbdt: { ...ctx.params.teacher.gbdt, num_rounds: 60 } },
    };
    const leaky = await trainTeacher(params, rows);
    expect(leaky.evaluation.report.test_metrics.macro_auc).toBeGreaterThan(0.95);
  });
});
