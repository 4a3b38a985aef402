import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/data/index.js';
import { computeFeatures } from '../../src/features/index.js';
import { initTfBackend } from '../../src/models/tfjs/index.js';
import { studentStage, teacherStage, validateStage } from '../../src/stages/index.js';
import { readJson, smallContext, tempDir } from '../integration/helpers.js';

// A student trained on 3-bar labels, validated with params.yaml saying 5 bars (and another threshold).
describe('validation uses the label definition recorded in the model', () => {
  const root = tempDir();
  const trained = smallContext({
    teacher: { horizon: 3, min_holding_return: 0.004 },
    split: { embargo_bars: 5 },
  });
  const edited = smallContext({
    teacher: { horizon: 5, min_holding_return: 0.006 },
    split: { embargo_bars: 5 },
  });
  const studentDir = join(root, 'student');

  beforeAll(async () => {
    await initTfBackend();
    const { series } = ingest(trained.params);
    const tables = computeFeatures(trained.params, series);
    await teacherStage(trained, series, tables, { outDir: join(root, 'teacher') });
    await studentStage(trained, { teacherDir: join(root, 'teacher'), outDir: studentDir });
    await validateStage(trained, series, tables, { studentDir, outDir: join(root, 'v-same') });
    await validateStage(edited, series, tables, { studentDir, outDir: join(root, 'v-edited') });
  }, 300_000);

  it('records the label definition in the student metadata', () => {
    expect(readJson(join(studentDir, 'metadata.json')).labels).toEqual({
      horizon: 3,
      min_holding_return: 0.004,
    });
  });

  it('scores against the model’s labels, not params.yaml’s: same accuracy and returns either way', () => {
    for (const f of ['validation_accuracy.json', 'validation_results.json', 'comparison_baseline.json']) {
      expect(readFileSync(join(root, 'v-edited', f), 'utf8')).toBe(
        readFileSync(join(root, 'v-same', f), 'utf8'),
      );
    }
    const meta = readJson(join(root, 'v-edited', 'metadata.json'));
    expect(meta.labels).toEqual({ horizon: 3, min_holding_return: 0.004, source: 'model metadata' });
  });

  it('says where params.yaml disagrees with the model', () => {
    const same = readJson(join(root, 'v-same', 'metadata.json'));
    expect(same.params_mismatch).toEqual([]);
    const meta = readJson(join(root, 'v-edited', 'metadata.json'));
    expect(meta.params_mismatch).toHaveLength(2);
    expect(meta.params_mismatch[0]).toMatch(
      /teacher\.horizon is 5 in params\.yaml but the model was trained with 3/,
    );
    expect(meta.params_mismatch[1]).toMatch(/min_holding_return is 0\.006 .* trained with 0\.004/);
    const md = readFileSync(join(root, 'v-edited', 'promotion_checklist.md'), 'utf8');
    expect(md).toContain('## Params differ from the model');
    expect(readJson(join(root, 'v-edited', 'promotion_checklist.json')).params_mismatch).toHaveLength(2);
    expect(readFileSync(join(root, 'v-same', 'promotion_checklist.md'), 'utf8')).not.toContain(
      'Params differ',
    );
  });
});
