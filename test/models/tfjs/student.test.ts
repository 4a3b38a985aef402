import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArtifactError, ConfigError } from '../../../src/core/index.js';
import { loadClassifier, type SavedModel } from '../../../src/models/index.js';
import {
  initTfBackend,
  StudentModel,
  studentOptionsSchema,
  trainMlpTeacher,
  trainStudent,
} from '../../../src/models/tfjs/index.js';
import { accuracy, argmaxRows, meanNll, synthetic } from './synthetic.js';

const train = synthetic(1500, 6, 'train');
const valid = synthetic(600, 6, 'valid');
const quick = { epochs: 15, batchSize: 64, learningRate: 0.02, seed: 7 };

describe('studentOptionsSchema', () => {
  it('describes and defaults every option', () => {
    const parsed = studentOptionsSchema.parse({});
    for (const [key, field] of Object.entries(studentOptionsSchema.shape)) {
      expect(field.description, key).toBeTruthy();
      expect(parsed[key as keyof typeof parsed], key).not.toBeUndefined();
    }
    expect(parsed).toMatchObject({ modelType: 'logistic', hidden: [32, 16], alpha: 0.5, temperature: 2 });
  });

  it('rejects bad options with a ConfigError naming the option', async () => {
    const err = await trainStudent(train, { learningRate: -1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect(String((err as Error).message)).toContain('student.learningRate');
  });
});

describe('trainStudent', () => {
  beforeAll(async () => {
    await initTfBackend();
  });

  it('learns a logistic student from distillation targets and round-trips through loadClassifier', async () => {
    const model = await trainStudent(
      { x: train.x, y: train.y, soft: train.probs, valid: { x: valid.x, y: valid.y, soft: valid.probs } },
      quick,
    );
    expect(model.className).toBe('LogisticStudent');
    const p = model.predictProba(valid.x);
    for (let i = 0; i < valid.x.n; i++) expect(p[i * 3] + p[i * 3 + 1] + p[i * 3 + 2]).toBeCloseTo(1, 6);
    // The Bayes decision is the argmax of the generating probabilities: a linear student should match it.
    expect(accuracy(p, argmaxRows(valid.probs))).toBeGreaterThan(0.9);
    const saved = JSON.parse(JSON.stringify(model.toJSON())) as SavedModel;
    const loaded = loadClassifier(saved);
    expect(loaded).toBeInstanceOf(StudentModel);
    expect(loaded.predictProba(valid.x)).toEqual(p);
  });

  it('is bit-identical for the same seed and data, and differs for another seed', async () => {
    const a = await trainStudent({ x: train.x, y: train.y, soft: train.probs }, { ...quick, epochs: 3 });
    const b = await trainStudent({ x: train.x, y: train.y, soft: train.probs }, { ...quick, epochs: 3 });
    const c = await trainStudent(
      { x: train.x, y: train.y, soft: train.probs },
      { ...quick, epochs: 3, seed: 8 },
    );
    expect(JSON.stringify(b.toJSON())).toBe(JSON.stringify(a.toJSON()));
    expect(JSON.stringify(c.toJSON())).not.toBe(JSON.stringify(a.toJSON()));
  });

  it('learns from the teacher alone when alpha = 0 (hard labels are noise)', async () => {
    const noise = Int32Array.from(train.y, (_, i) => (i * 7) % 3);
    const distilled = await trainStudent({ x: train.x, y: noise, soft: train.probs }, { ...quick, alpha: 0 });
    const hardOnly = await trainStudent({ x: train.x, y: noise }, { ...quick, alpha: 1 });
    const target = argmaxRows(valid.probs);
    expect(accuracy(distilled.predictProba(valid.x), target)).toBeGreaterThan(0.85);
    expect(accuracy(hardOnly.predictProba(valid.x), target)).toBeLessThan(0.6);
  });

  it('fits the normaliser on training rows only and stores it in the model', async () => {
    const shifted = synthetic(300, 6, 'valid-shifted', 'linear', 50);
    const model = await trainStudent(
      { x: train.x, y: train.y, valid: { x: shifted.x, y: shifted.y } },
      { ...quick, alpha: 1, epochs: 2 },
    );
    for (let j = 0; j < train.x.d; j++) {
      const col = train.x.columns[j];
      const mean = col.reduce((s, v) => s + v, 0) / col.length;
      const sd = Math.sqrt(col.reduce((s, v) => s + (v - mean) ** 2, 0) / col.length);
      expect(model.network.normaliser.mean[j]).toBeCloseTo(mean, 10);
      expect(model.network.normaliser.std[j]).toBeCloseTo(sd, 10);
    }
  });

  it('early-stops on the validation loss and keeps the best epoch weights', async () => {
    const small = synthetic(200, 6, 'tiny');
    const model = await trainStudent(
      { x: small.x, y: small.y, valid: { x: valid.x, y: valid.y } },
      {
        modelType: 'mlp',
        hidden: [64, 64],
        alpha: 1,
        epochs: 300,
        patience: 3,
        learningRate: 0.05,
        batchSize: 16,
        l2: 0,
        calibrate: false,
        seed: 1,
      },
    );
    const t = model.training!;
    expect(t.epochsRun).toBeLessThan(300);
    expect(t.epochsRun - t.bestEpoch).toBe(3);
    // The stored weights are those of the best epoch: their validation CE is the recorded best loss.
    expect(meanNll(model.predictProba(valid.x), valid.y)).toBeCloseTo(t.bestValidLoss!, 4);
  });

  it('calibrates on the validation set and never worsens its NLL', async () => {
    const raw = await trainStudent(
      { x: train.x, y: train.y, valid: { x: valid.x, y: valid.y } },
      { ...quick, alpha: 1, calibrate: false },
    );
    const cal = await trainStudent(
      { x: train.x, y: train.y, valid: { x: valid.x, y: valid.y } },
      { ...quick, alpha: 1 },
    );
    expect(raw.calibrationTemperature).toBe(1);
    expect(cal.calibrationTemperature).not.toBe(1);
    expect(meanNll(cal.predictProba(valid.x), valid.y)).toBeLessThan(
      meanNll(raw.predictProba(valid.x), valid.y),
    );
  });

  it('warm-starts from an earlier student of the same architecture only', async () => {
    const data = { x: train.x, y: train.y, soft: train.probs };
    const first = await trainStudent(data, quick);
    const again = await trainStudent(data, { ...quick, epochs: 1, learningRate: 0.001 }, first);
    expect(again.training?.warmStarted).toBe(true);
    const cold = await trainStudent(data, { ...quick, epochs: 1, learningRate: 0.001 });
    const target = argmaxRows(valid.probs);
    expect(accuracy(again.predictProba(valid.x), target)).toBeGreaterThan(
      accuracy(cold.predictProba(valid.x), target),
    );
    await expect(trainStudent(data, { ...quick, modelType: 'mlp' }, first)).rejects.toThrow(ConfigError);
    const renamed = { ...train.x, featureNames: train.x.featureNames.map((f) => `${f}_v2`) };
    await expect(trainStudent({ ...data, x: renamed }, quick, first)).rejects.toThrow(ConfigError);
  });

  it('trains an MLP teacher on hard labels that beats a logistic model on non-linear data', async () => {
    const xorTrain = synthetic(2000, 4, 'xor-train', 'xor');
    const xorValid = synthetic(800, 4, 'xor-valid', 'xor');
    const opts = { epochs: 25, batchSize: 128, learningRate: 0.02, hidden: [16, 8], seed: 3 };
    const teacher = await trainMlpTeacher(
      { x: xorTrain.x, y: xorTrain.y, valid: { x: xorValid.x, y: xorValid.y } },
      opts,
    );
    const linear = await trainStudent({ x: xorTrain.x, y: xorTrain.y }, { ...opts, alpha: 1 });
    expect(teacher.className).toBe('MlpStudent');
    expect(teacher.options.alpha).toBe(1);
    const target = argmaxRows(xorValid.probs);
    expect(accuracy(teacher.predictProba(xorValid.x), target)).toBeGreaterThan(0.85);
    expect(accuracy(linear.predictProba(xorValid.x), target)).toBeLessThan(0.7);
  });

  it('does not leak tensors', async () => {
    const before = tf.memory().numTensors;
    const model = await trainStudent(
      { x: train.x, y: train.y, soft: train.probs, valid: { x: valid.x, y: valid.y } },
      { ...quick, epochs: 2, modelType: 'mlp', hidden: [8], dropout: 0.2 },
    );
    model.predictProba(valid.x);
    expect(tf.memory().numTensors).toBe(before);
  });
});

/** The saved JSON as the tests tamper with it. */
interface Editable {
  className: string;
  config: { options: Record<string, unknown> };
  weights: {
    layers: { weights: unknown[]; bias: unknown[]; activation: string }[];
    normaliser: { std: unknown[] };
    calibrationTemperature: unknown;
  };
}

describe('StudentModel.fromJSON', () => {
  let saved: SavedModel;
  beforeAll(async () => {
    saved = (
      await trainStudent(
        { x: train.x, y: train.y },
        { ...quick, alpha: 1, epochs: 1, modelType: 'mlp', hidden: [4] },
      )
    ).toJSON();
  });
  const corrupt = (mutate: (s: Editable) => void): SavedModel => {
    const copy = JSON.parse(JSON.stringify(saved));
    mutate(copy);
    return copy;
  };

  it.each([
    ['weights.layers.0.weights', (s: Editable) => s.weights.layers[0].weights.pop()],
    ['weights.layers.1.bias.0', (s: Editable) => (s.weights.layers[1].bias[0] = 'x')],
    ['weights.calibrationTemperature', (s: Editable) => (s.weights.calibrationTemperature = -1)],
    ['weights.normaliser.std.0', (s: Editable) => (s.weights.normaliser.std[0] = 0)],
    ['config.options.hidden', (s: Editable) => (s.config.options.hidden = 'wide')],
    ['className', (s: Editable) => (s.className = 'LogisticStudent')],
    ['weights.layers.0', (s: Editable) => (s.weights.layers[0].activation = 'tanh')],
  ])('rejects a corrupt artifact at %s', (path, mutate) => {
    const bad = corrupt(mutate);
    expect(() => StudentModel.fromJSON(bad)).toThrow(ArtifactError);
    try {
      StudentModel.fromJSON(bad);
    } catch (e) {
      expect((e as ArtifactError).issues.map((i) => i.path)).toContain(path);
    }
  });
});
