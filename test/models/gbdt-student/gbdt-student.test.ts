import { beforeAll, describe, expect, it } from 'vitest';
import { ArtifactError, createRng } from '../../../src/core/index.js';
import { GbdtStudent, trainGbdtStudent } from '../../../src/models/gbdt-student/index.js';
import {
  compileScorer,
  exportScorer,
  loadClassifier,
  loadScorer,
  type SavedModel,
} from '../../../src/models/index.js';
import { accuracy, argmaxRows, meanNll, type Synthetic, synthetic } from '../tfjs/synthetic.js';

const D = 6;

/** Synthetic data with ~10% NaN in the first two features, so trees learn NaN default directions. */
function withNaN(s: Synthetic, seed: string): Synthetic {
  const rng = createRng(seed);
  for (const j of [0, 1])
    for (let i = 0; i < s.x.n; i++) if (rng.next() < 0.1) s.x.columns[j][i] = Number.NaN;
  return s;
}

const train = withNaN(synthetic(900, D, 'gbdt-student-train'), 'nan-train');
const valid = withNaN(synthetic(400, D, 'gbdt-student-valid'), 'nan-valid');
const test = withNaN(synthetic(400, D, 'gbdt-student-test'), 'nan-test');
const data = { x: train.x, y: train.y, soft: train.probs, valid: { x: valid.x, y: valid.y } };
const opts = { alpha: 0.5, temperature: 2, seed: 7 };

describe('trainGbdtStudent', () => {
  let student: GbdtStudent;
  beforeAll(() => {
    student = trainGbdtStudent(data, opts);
  });

  it('learns well above chance and is deterministic', () => {
    const acc = accuracy(student.predictProba(test.x), test.y);
    expect(acc).toBeGreaterThan(0.5);
    expect(student.numClasses).toBe(3);
    expect(student.featureNames).toEqual(train.x.featureNames);
    const again = trainGbdtStudent(data, opts);
    expect(JSON.stringify(again.toJSON())).toBe(JSON.stringify(student.toJSON()));
    const cfg = student.getConfig();
    expect(cfg).toMatchObject({ alpha: 0.5, temperature: 2, calibrate: true });
    expect(cfg.calibrationTemperature).toBe(student.calibrationTemperature);
  });

  it('calibration never worsens the validation NLL', () => {
    const raw = trainGbdtStudent(data, { ...opts, calibrate: false });
    expect(raw.calibrationTemperature).toBe(1);
    // Same trees either way: calibration only rescales the raw scores.
    expect(raw.toJSON().weights).toEqual(student.toJSON().weights);
    expect(student.calibrationTemperature).not.toBe(1);
    const before = meanNll(raw.predictProba(valid.x), valid.y);
    const after = meanNll(student.predictProba(valid.x), valid.y);
    expect(after).toBeLessThanOrEqual(before + 1e-12);
  });

  it('with α = 0 follows the teacher, not the noisy hard labels', () => {
    const rng = createRng('noise-labels');
    const noisy = Int32Array.from({ length: train.x.n }, () => Math.floor(rng.next() * 3));
    // No validation set: early stopping on noisy labels would stop at once.
    const s = trainGbdtStudent(
      { x: train.x, y: noisy, soft: train.probs },
      { alpha: 0, temperature: 1, calibrate: false, gbdt: { earlyStoppingRounds: 0 }, seed: 3 },
    );
    const p = s.predictProba(train.x);
    const teacherAgreement = accuracy(p, argmaxRows(train.probs));
    const noiseAgreement = accuracy(p, noisy);
    expect(teacherAgreement).toBeGreaterThan(0.7);
    expect(teacherAgreement).toBeGreaterThan(noiseAgreement + 0.25);
  });

  it('round-trips through JSON text and loadClassifier with identical probabilities', () => {
    const text = JSON.stringify(student.toJSON());
    const loaded = loadClassifier(JSON.parse(text) as SavedModel);
    expect(loaded).toBeInstanceOf(GbdtStudent);
    expect((loaded as GbdtStudent).calibrationTemperature).toBe(student.calibrationTemperature);
    expect(loaded.predictProba(test.x)).toEqual(student.predictProba(test.x));
    expect(JSON.stringify(loaded.toJSON())).toBe(text);
  });

  it('rejects corrupt JSON with an ArtifactError naming the path', () => {
    const paths = (mutate: (s: SavedModel & { weights: SavedModel }) => void): string[] => {
      const saved = JSON.parse(JSON.stringify(student.toJSON()));
      mutate(saved);
      try {
        GbdtStudent.fromJSON(saved);
      } catch (e) {
        expect(e).toBeInstanceOf(ArtifactError);
        return (e as ArtifactError).issues.map((i) => i.path);
      }
      throw new Error('expected an ArtifactError');
    };
    expect(paths((s) => Object.assign(s.config, { alpha: 2 }))).toContain('config.alpha');
    expect(paths((s) => Object.assign(s.config, { calibrationTemperature: -1 }))).toContain(
      'config.calibrationTemperature',
    );
    expect(paths((s) => Object.assign(s.weights, { className: 'MlpStudent' }))).toContain(
      'weights.className',
    );
    expect(
      paths((s) => {
        (s.weights.weights as { trees: { left: number[] }[] }).trees[0].left[0] = 999;
      }),
    ).toContain('weights.weights.trees.0.left.0');
    expect(paths((s) => Object.assign(s.config, { classes: ['A', 'B'] }))).toContain('config.classes');
    expect(() => loadClassifier({ className: 'GbdtStudent', config: {}, weights: null })).toThrow(
      ArtifactError,
    );
  });

  it('compiles to a scorer matching predictProba to 1e-12 on every row, NaN rows included', () => {
    const nanRows = Array.from({ length: test.x.n }, (_, i) => i).filter((i) =>
      test.x.columns.some((c) => Number.isNaN(c[i])),
    );
    expect(nanRows.length).toBeGreaterThan(20);
    const trees = (student.toJSON().weights as { weights: { trees: { defaultLeft: number[] }[] } }).weights
      .trees;
    // Both NaN directions occur, so the parity below exercises them.
    expect(trees.some((t) => t.defaultLeft.includes(1))).toBe(true);
    expect(trees.some((t) => t.defaultLeft.includes(0))).toBe(true);

    const expected = student.predictProba(test.x);
    const exported = exportScorer(student.toJSON());
    expect(exported).toMatchObject({ format: 'sensequant-scorer/1', kind: 'trees' });
    for (const scorer of [
      loadScorer(JSON.parse(JSON.stringify(exported))),
      compileScorer(student.toJSON()),
    ]) {
      expect(scorer.featureNames).toEqual(student.featureNames);
      expect(scorer.classes).toEqual(['LONG', 'SHORT', 'NOOP']);
      const batch = scorer.scoreBatch(test.x);
      const rowMajor = new Float64Array(test.x.n * D);
      const row = new Float64Array(D);
      const out = new Float64Array(3);
      let maxDiff = 0;
      for (let i = 0; i < test.x.n; i++) {
        for (let j = 0; j < D; j++) row[j] = test.x.columns[j][i];
        rowMajor.set(row, i * D);
        scorer.scoreInto(row, out);
        for (let c = 0; c < 3; c++) {
          maxDiff = Math.max(
            maxDiff,
            Math.abs(out[c] - expected[i * 3 + c]),
            Math.abs(batch[i * 3 + c] - expected[i * 3 + c]),
          );
        }
        const pred = scorer.predict(row);
        expect(pred.confidence).toBe(Math.max(out[0], out[1], out[2]));
      }
      expect(maxDiff).toBeLessThanOrEqual(1e-12);
      const fromRows = scorer.scoreBatch(rowMajor);
      expect(fromRows).toEqual(batch);
      expect(scorer.stats.calls).toBe(4 * test.x.n);
    }
  });
});
