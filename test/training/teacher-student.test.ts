import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ArtifactError, ConfigError } from '../../src/core/index.js';
import { parseTimestamp } from '../../src/data/index.js';
import { loadScorer } from '../../src/models/scorer/index.js';
import { initTfBackend } from '../../src/models/tfjs/index.js';
import { ingest } from '../../src/data/index.js';
import { computeFeatures } from '../../src/features/index.js';
import { studentStage, teacherStage, validateStage } from '../../src/stages/index.js';
import { readTeacherDir, studentSplits } from '../../src/training/index.js';
import { readJson, smallContext, tempDir } from '../integration/helpers.js';

const ctx = smallContext({ data: { symbols: ['TCS', 'INFY', 'ITC'] } });
const root = tempDir();
const teacherDir = join(root, 'teacher');

function corrupted(name: string, mutate: (dir: string) => void): string {
  const dir = join(root, `corrupt-${name}`);
  cpSync(teacherDir, dir, { recursive: true });
  mutate(dir);
  return dir;
}

function artifactIssues(dir: string) {
  try {
    readTeacherDir(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(ArtifactError);
    return e as ArtifactError;
  }
  throw new Error('expected an ArtifactError');
}

describe('teacher and student runs', () => {
  beforeAll(async () => {
    await initTfBackend();
    const { series } = ingest(ctx.params);
    await teacherStage(ctx, series, computeFeatures(ctx.params, series), { outDir: teacherDir });
  }, 120_000);

  it('reports dates as exchange-local session dates (weekdays), not UTC dates', () => {
    const stats = readJson(join(teacherDir, 'dataset_stats.json'));
    // IST midnight bars are 18:30 UTC the day before: a UTC date would fall on a Sunday here.
    for (const d of [stats.date_range_actual.start, stats.date_range_actual.end, stats.splits.test_start]) {
      const day = new Date(`${d}T00:00:00Z`).getUTCDay();
      expect(day, d).toBeGreaterThanOrEqual(1);
      expect(day, d).toBeLessThanOrEqual(5);
    }
  });

  it('the test rows’ soft labels are exactly the final teacher’s probabilities (distillation reuses them)', () => {
    const teacher = readTeacherDir(teacherDir);
    const { test } = studentSplits(teacher);
    expect(test.x.n).toBeGreaterThan(0);
    expect(Array.from(test.soft)).toEqual(Array.from(teacher.model.predictProba(test.x)));
  });

  it('a missing teacher file is named', () => {
    const err = artifactIssues(corrupted('missing', (d) => rmSync(join(d, 'labels.csv.gz'))));
    expect(err.message).toMatch(/incomplete teacher directory/);
    expect(err.issues[0].path).toMatch(/labels\.csv\.gz$/);
  });

  it('a modified model fails its checksum', () => {
    const err = artifactIssues(
      corrupted('sha', (d) =>
        writeFileSync(
          join(d, 'teacher_model.json'),
          readFileSync(join(d, 'teacher_model.json'), 'utf8').replace('"numClasses":3', '"numClasses":3 '),
        ),
      ),
    );
    expect(err.message).toMatch(/checksum mismatch/);
  });

  it('invalid metadata names the bad key', () => {
    const err = artifactIssues(
      corrupted('meta', (d) => {
        const m = readJson(join(d, 'metadata.json'));
        delete m.config_hash;
        writeFileSync(join(d, 'metadata.json'), JSON.stringify(m));
      }),
    );
    expect(err.issues.map((i) => i.path)).toContain('config_hash');
  });

  it('a missing directory is a clear error, and the CLI exits 1 without a stack trace', async () => {
    expect(() => readTeacherDir(join(root, 'nope'))).toThrow(/teacher directory not found/);
    const dir = corrupted('cli', (d) => rmSync(join(d, 'metadata.json')));
    expect(
      await main(['train-student', '--teacher-dir', dir, '--output-dir', join(root, 'cli-student')]),
    ).toBe(1);
  });

  it('--incremental warm-starts from a baseline student; a mismatched --test-size is refused', async () => {
    const first = join(root, 'student-a');
    await studentStage(ctx, { teacherDir, outDir: first });
    const second = join(root, 'student-b');
    await studentStage(
      ctx,
      { teacherDir, outDir: second },
      { baselineStudent: join(first, 'student_model.json') },
    );
    const meta = readJson(join(second, 'metadata.json'));
    expect(meta.training.warmStarted).toBe(true);
    expect(meta.baseline_student).toBe(join(first, 'student_model.json'));
    expect(
      await main([
        'train-student',
        '--teacher-dir',
        teacherDir,
        '--test-size',
        '0.3',
        '--output-dir',
        join(root, 'x'),
      ]),
    ).toBe(3);
  });

  it('refuses a validation window that starts inside the training data (exit 3 via the CLI)', async () => {
    const out = join(root, 'student-a');
    const { series } = ingest(ctx.params);
    const tables = computeFeatures(ctx.params, series);
    await expect(
      validateStage(ctx, series, tables, {
        studentDir: out,
        outDir: join(root, 'v-bad'),
        startMs: parseTimestamp('2022-06-01', 'Asia/Kolkata'),
      }),
    ).rejects.toThrow(/overlaps the data the model was trained on/);
    const ok = await validateStage(ctx, series, tables, { studentDir: out, outDir: join(root, 'v-ok') });
    expect(['PROMOTE', 'REJECT']).toContain(ok.recommendation);
  });

  it('--hyperparameter-tuning records every trial and the configurations tried', async () => {
    const tctx = smallContext({
      data: { symbols: ['TCS', 'INFY', 'ITC'] },
      student: { cv_folds: 2, nn: { epochs: 6 }, tuning: { n_candidates: 4, eta: 2, min_epochs: 2 } },
    });
    const out = join(root, 'student-tuned');
    const run = await studentStage(tctx, { teacherDir, outDir: out }, { tune: true });
    const t = readJson(join(out, 'tuning_results.json'));
    // Rung 0: 4 candidates × 2 epochs; rung 1: best 2 × 4 epochs; rung 2: best 1 × 6 epochs would exceed
    // the pool (stops when one remains): 4 + 2 = 6 trials.
    expect(t.trials).toHaveLength(6);
    expect(t.n_configurations).toBe(4);
    expect(readJson(join(out, 'metadata.json')).n_configurations_tried).toBe(4);
    expect(run.options.learningRate).toBe(run.tuning?.best.learningRate);
  });

  it('an MLP teacher (teacher.model_type: mlp) runs through the same artifacts and distillation', async () => {
    const mctx = smallContext({
      data: { symbols: ['TCS', 'INFY', 'ITC'] },
      teacher: { model_type: 'mlp', oof_folds: 2, mlp: { hidden: [8], epochs: 5 } },
    });
    const { series } = ingest(mctx.params);
    const dir = join(root, 'teacher-mlp');
    await teacherStage(mctx, series, computeFeatures(mctx.params, series), { outDir: dir });
    const meta = readJson(join(dir, 'metadata.json'));
    expect(meta.model_type).toBe('MLP');
    expect(meta.model_class).toBe('MlpStudent');
    expect(readJson(join(dir, 'feature_importance.json')).available).toBe(false);
    // DVC cannot plot an empty list: one labelled zero bar says why there is no importance.
    expect(readJson(join(dir, 'plots', 'feature_importance.json'))).toEqual([
      { feature: 'n/a: MlpStudent has no split gain', gain: 0, gain_share: 0 },
    ]);
    expect(readTeacherDir(dir).model.className).toBe('MlpStudent');
    await studentStage(mctx, { teacherDir: dir, outDir: join(root, 'student-from-mlp') });
    expect(readJson(join(root, 'student-from-mlp', 'metadata.json')).teacher.model_sha256).toBe(
      meta.model_sha256,
    );
  });

  it('a gbdt student (student.model_type: gbdt) distils, calibrates, exports a tree scorer and validates', async () => {
    const gctx = smallContext({
      data: { symbols: ['TCS', 'INFY', 'ITC'] },
      student: { model_type: 'gbdt', gbdt: { num_rounds: 40 } },
    });
    const out = join(root, 'student-gbdt');
    const run = await studentStage(gctx, { teacherDir, outDir: out });
    const meta = readJson(join(out, 'metadata.json'));
    expect(meta.model_class).toBe('GbdtStudent');
    expect(meta.calibration.temperature).toBeGreaterThan(0);
    // The exported scorer is the serving path: it must reproduce the model's probabilities exactly.
    const scorer = loadScorer(readJson(join(out, 'scorer.json')));
    const test = run.splits.test.x;
    const viaModel = run.model.predictProba(test);
    const viaScorer = scorer.scoreBatch(test);
    let worst = 0;
    for (let i = 0; i < viaModel.length; i++) worst = Math.max(worst, Math.abs(viaModel[i] - viaScorer[i]));
    expect(worst).toBeLessThan(1e-12);
    expect(scorer.stats.calls).toBe(test.n);
    const { series } = ingest(gctx.params);
    const v = await validateStage(gctx, series, computeFeatures(gctx.params, series), {
      studentDir: out,
      outDir: out,
    });
    expect(['PROMOTE', 'REJECT']).toContain(v.recommendation);
    // Decided by the learner's capabilities: the fix names the student types that have them.
    const tuneErr = await studentStage(gctx, { teacherDir, outDir: join(root, 'x3') }, { tune: true }).catch(
      (e: unknown) => e,
    );
    expect(tuneErr).toBeInstanceOf(ConfigError);
    expect((tuneErr as ConfigError).issues[0]).toMatchObject({
      path: 'student.model_type',
      value: 'gbdt',
      fix: 'use student.model_type: logistic or mlp, or drop --hyperparameter-tuning',
    });
    const warmErr = await studentStage(
      gctx,
      { teacherDir, outDir: join(root, 'x4') },
      { baselineStudent: join(root, 'student-a', 'student_model.json') },
    ).catch((e: unknown) => e);
    expect(warmErr).toBeInstanceOf(ConfigError);
    expect((warmErr as ConfigError).issues[0].message).toMatch(
      /^--incremental needs a student that supports warm starts/,
    );
  });

  it('--append-labels merges an earlier run’s labels and warm-starts its model', async () => {
    const later = smallContext({ data: { symbols: ['TCS', 'INFY', 'ITC'], end: '2024-06-28' } });
    const { series } = ingest(later.params);
    const out = join(root, 'teacher-appended');
    const startMs = parseTimestamp('2024-01-01', 'Asia/Kolkata');
    const run = await teacherStage(later, series, computeFeatures(later.params, series), {
      outDir: out,
      startMs,
      baselineDir: teacherDir,
      appendLabels: true,
    });
    const base = readTeacherDir(teacherDir);
    expect(run.run.rows.n).toBeGreaterThan(base.labels.n);
    const meta = readJson(join(out, 'metadata.json'));
    expect(meta.date_range).toEqual({ start: '2024-01-01', end: '2024-06-28' });
    expect(meta.previous_run).toMatchObject({ dir: teacherDir, model_sha256: base.metadata.model_sha256 });
    const baseTrees = (base.saved.weights as { trees: unknown[] }).trees.length;
    expect((readJson(join(out, 'teacher_model.json')).weights.trees as unknown[]).length).toBeGreaterThan(
      baseTrees,
    );
    await expect(
      teacherStage(later, series, computeFeatures(later.params, series), {
        outDir: join(root, 'x2'),
        appendLabels: true,
      }),
    ).rejects.toThrow(ConfigError);
  });
});
