import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ConfigError, ValidationRejectedError } from '../../src/core/index.js';
import { initTfBackend } from '../../src/models/tfjs/index.js';
import { promote, registryStatus, rollback, validatePromotion } from '../../src/registry/index.js';
import { ingest } from '../../src/data/index.js';
import { computeFeatures } from '../../src/features/index.js';
import { studentStage, teacherStage, validateStage } from '../../src/stages/index.js';
import { readJson, smallContext, tempDir } from './helpers.js';

const silence = () => {
  // The CLI prints results to stdout; keep test output clean.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  return () => {
    process.stdout.write = write;
  };
};

describe('teacher → student → validate → promote → rollback on synthetic data', () => {
  const root = tempDir();
  const ctx = smallContext();
  const teacherDir = join(root, 'run1', 'teacher');
  const studentDir = join(root, 'run1', 'student');
  const student2Dir = join(root, 'run2', 'student');
  const registry = join(root, 'models');
  const reportsDir = join(root, 'reports', 'validation');
  let recommendation = '';

  beforeAll(async () => {
    await initTfBackend();
    const { series } = ingest(ctx.params);
    const tables = computeFeatures(ctx.params, series);
    await teacherStage(ctx, series, tables, { outDir: teacherDir });
    await studentStage(ctx, { teacherDir, outDir: studentDir });
    recommendation = (await validateStage(ctx, series, tables, { studentDir, outDir: studentDir }))
      .recommendation;
    // A second candidate: an MLP student distilled from the same teacher.
    const ctx2 = smallContext({ student: { model_type: 'mlp', nn: { epochs: 10, hidden: [8] } } });
    await studentStage(ctx2, { teacherDir, outDir: student2Dir });
    await validateStage(ctx2, series, tables, { studentDir: student2Dir, outDir: student2Dir });
    // DVC layout: the checklist (and the validation stage's own metadata.json) live in a reports dir.
    await validateStage(ctx, series, tables, { studentDir, outDir: reportsDir });
  }, 300_000);

  it('writes every teacher artifact with the reference metadata fields', () => {
    for (const f of [
      'teacher_model.json',
      'labels.csv.gz',
      'features.csv.gz',
      'metadata.json',
      'dataset_stats.json',
      'evaluation_metrics.json',
      'feature_importance.json',
      'confusion_matrix.json',
    ]) {
      expect(existsSync(join(teacherDir, f)), f).toBe(true);
    }
    const meta = readJson(join(teacherDir, 'metadata.json'));
    expect(meta).toMatchObject({ strategy: 'swing', config_hash: ctx.configHash, model_type: 'GBDT' });
    expect(Object.keys(meta.dataset_stats.label_distribution).sort()).toEqual(['LONG', 'NOOP', 'SHORT']);
    expect(meta.teacher_params.min_holding_return).toBe(0.005);
    const evalm = readJson(join(teacherDir, 'evaluation_metrics.json'));
    expect(Object.keys(evalm)).toEqual(
      expect.arrayContaining([
        'timestamp',
        'teacher_dir',
        'test_size',
        'cv_folds',
        'model_type',
        'hyperparameters',
        'test_metrics',
        'calibration_metrics',
        'confusion_matrix',
      ]),
    );
    const imp = readJson(join(teacherDir, 'feature_importance.json'));
    expect(imp.features[0]).toHaveProperty('gain');
    expect(imp.features[0]).toHaveProperty('split');
  });

  it('links the student to its teacher and exports a scorer', () => {
    const meta = readJson(join(studentDir, 'metadata.json'));
    const tmeta = readJson(join(teacherDir, 'metadata.json'));
    expect(meta.teacher).toEqual({
      dir: teacherDir,
      model_sha256: tmeta.model_sha256,
      config_hash: tmeta.config_hash,
    });
    expect(meta.teacher_dir).toBe(teacherDir);
    expect(existsSync(join(studentDir, 'scorer.json'))).toBe(true);
    const m = readJson(join(studentDir, 'evaluation_metrics.json'));
    // Learnability is asserted on the default data (default-pipeline.test.ts); this small window holds
    // too few independent outcomes (symbols share the market factor) for an AUC threshold.
    expect(m.test_metrics.macro_auc).toBeGreaterThan(0.3);
    expect(m.test_metrics.macro_auc).toBeLessThan(0.8);
    expect(m.teacher_test_metrics.macro_auc).toBeGreaterThan(0.3);
  });

  it('writes the validation artifacts and a checklist with a recommendation', () => {
    for (const f of [
      'validation_results.json',
      'validation_accuracy.json',
      'comparison_baseline.json',
      'promotion_checklist.md',
      'promotion_checklist.json',
    ]) {
      expect(existsSync(join(studentDir, f)), f).toBe(true);
    }
    const cl = readJson(join(studentDir, 'promotion_checklist.json'));
    expect(['PROMOTE', 'REJECT']).toContain(cl.recommendation);
    expect(cl.recommendation).toBe(recommendation);
    expect(Object.keys(cl.validation_results)).toEqual(
      expect.arrayContaining(['precision_pass', 'hit_ratio_pass', 'sharpe_pass', 'all_criteria_pass']),
    );
    const md = readFileSync(join(studentDir, 'promotion_checklist.md'), 'utf8');
    expect(md).toContain(`## Recommendation: ${recommendation}`);
    expect(md).toContain(`promote ${studentDir}`);
    expect(existsSync(join(studentDir, 'validation_telemetry'))).toBe(true);
  });

  it('writes a numbers-only headline per stage, equal to the detailed files, in column order', () => {
    const check = (dir: string, p: 't' | 's') => {
      const head = readJson(join(dir, 'metrics.json'));
      const ev = readJson(join(dir, 'evaluation_metrics.json'));
      expect(Object.keys(head)).toEqual([`${p}_auc`, `${p}_logloss`, `${p}_ece`, `${p}_brier`]);
      const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
      expect(head).toEqual({
        [`${p}_auc`]: r4(ev.test_metrics.macro_auc),
        [`${p}_logloss`]: r4(ev.test_metrics.log_loss),
        [`${p}_ece`]: r4(ev.calibration_metrics.expected_calibration_error),
        [`${p}_brier`]: r4(ev.calibration_metrics.brier_score),
      });
    };
    check(teacherDir, 't');
    check(studentDir, 's');
    const v = readJson(join(reportsDir, 'metrics.json'));
    const cl = readJson(join(reportsDir, 'promotion_checklist.json'));
    const res = readJson(join(reportsDir, 'validation_results.json'));
    expect(Object.keys(v)).toEqual(['promote', 'sharpe', 'sharpe_base', 'uplift', 'p_value', 'dsr', 'ic']);
    expect(Object.values(v).every((x) => x === null || typeof x === 'number')).toBe(true);
    expect(v.promote).toBe(cl.recommendation === 'PROMOTE' ? 1 : 0);
    expect(v.sharpe).toBeCloseTo(res.candidate.summary.sharpe_ratio, 4);
    expect(v.sharpe_base).toBeCloseTo(res.baseline.summary.sharpe_ratio, 4);
    // The headline keeps 4 decimals: the detailed value may sit exactly on a rounding boundary.
    expect(Math.abs(v.ic - res.information_coefficient.spearman)).toBeLessThanOrEqual(0.5e-4 + 1e-12);
    expect(res.information_coefficient.n).toBeGreaterThan(100);
    // Validated inside the student dir, the headline gets its own name beside the student's metrics.json.
    expect(readJson(join(studentDir, 'validation_metrics.json'))).toEqual(v);
  });

  it('writes the plot data the dvc.yaml plots read: flat rows naming model and series', () => {
    const rows = (f: string) => readJson(join(studentDir, 'plots', f)) as Record<string, unknown>[];
    const roc = rows('roc.json');
    const auc = readJson(join(studentDir, 'evaluation_metrics.json')).test_metrics.auc;
    expect(new Set(roc.map((r) => r.curve))).toEqual(
      new Set(['LONG', 'SHORT', 'NOOP'].map((c) => `${c} (AUC ${auc[c].toFixed(3)})`)),
    );
    expect(roc.every((r) => r.model === 'student')).toBe(true);
    expect(rows('confusion.json')).toHaveLength(9);
    const cal = rows('calibration.json');
    expect(cal.reduce((s, r) => s + (r.count as number), 0)).toBe(
      readJson(join(studentDir, 'evaluation_metrics.json')).n_test,
    );
    expect(rows('precision_recall.json')[0]).toMatchObject({ recall: 0, precision: 1 });
    // DVC merges plot rows only when every row has the same keys.
    for (const f of ['roc.json', 'precision_recall.json', 'calibration.json', 'confusion.json']) {
      const keys = new Set(rows(f).map((r) => Object.keys(r).sort().join()));
      expect(keys.size, f).toBe(1);
    }
    const imp = readJson(join(teacherDir, 'plots', 'feature_importance.json'));
    expect(imp[0].gain).toBeGreaterThanOrEqual(imp[imp.length - 1].gain);
    const eq = readJson(join(reportsDir, 'plots', 'equity.json')) as { series: string; drawdown: number }[];
    expect(new Set(eq.map((r) => r.series.split(':')[0]))).toEqual(new Set(['candidate', 'baseline']));
    expect(eq.every((r) => r.drawdown <= 0)).toBe(true);
  });

  it('refuses a REJECTed candidate, promotes with --force --reason, promotes a second, rolls back', async () => {
    const forceCandidate = (dir: string) => {
      const v = validatePromotion(dir);
      const cl = readJson(join(dir, 'promotion_checklist.json'));
      if (cl.recommendation === 'REJECT') {
        expect(v.canPromote).toBe(false);
        expect(() => promote(dir, { root: registry })).toThrow(ValidationRejectedError);
        expect(() => promote(dir, { root: registry, force: true })).toThrow(ConfigError);
        return promote(dir, { root: registry, force: true, reason: 'integration test' });
      }
      return promote(dir, { root: registry });
    };
    const first = forceCandidate(studentDir);
    expect(registryStatus(registry).production?.version).toBe(first.version);
    const second = forceCandidate(student2Dir);
    const status = registryStatus(registry);
    expect(status.production).toMatchObject({ version: second.version, verified: true });
    expect(status.archive.map((a) => a.version).sort()).toEqual([first.version, second.version].sort());
    const back = rollback({ root: registry, reason: 'integration test' });
    expect(back.to).toBe(first.version);
    expect(registryStatus(registry).production).toMatchObject({ version: first.version, verified: true });
    const audit = readFileSync(join(registry, 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['promote', 'rollback']));

    // The CLI maps outcomes to exit codes: status 0, a REJECT candidate 2, bad flags 3.
    const restore = silence();
    try {
      expect(await main(['registry', 'status', '--root', registry])).toBe(0);
      const cl = readJson(join(studentDir, 'promotion_checklist.json'));
      expect(await main(['validate-promotion', studentDir])).toBe(cl.recommendation === 'PROMOTE' ? 0 : 2);
      expect(await main(['rollback', '--to', second.version, '--root', registry, '--dry-run'])).toBe(0);
      expect(registryStatus(registry).production?.version).toBe(first.version);
      expect(await main(['promote', studentDir, '--bogus'])).toBe(3);
      // A checklist kept outside the model dir is bundled in; the reports dir's metadata.json must not
      // replace the student's (the registry would then see no model checksum).
      const checklist = join(reportsDir, 'promotion_checklist.json');
      expect(readJson(join(reportsDir, 'metadata.json')).stage).toBe('validate');
      expect(await main(['validate-promotion', studentDir, '--checklist', checklist])).toBe(
        cl.recommendation === 'PROMOTE' ? 0 : 2,
      );
      const forced = cl.recommendation === 'PROMOTE' ? [] : ['--force', '--reason', 'integration test'];
      expect(
        await main(['promote', studentDir, '--checklist', checklist, '--root', registry, ...forced]),
      ).toBe(0);
      expect(registryStatus(registry).production?.model_sha256).toBe(
        readJson(join(studentDir, 'metadata.json')).model_sha256,
      );
    } finally {
      restore();
    }
  });
});
