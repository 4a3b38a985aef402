import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/index.js';
import { distillationLoss, initTfBackend } from '../../../src/models/tfjs/index.js';

// Reference values computed by hand (Python, float64) for:
// logits [[2,1,0],[0.5,-1,1.5]], labels [0,2], teacher [[.7,.2,.1],[.1,.3,.6]], T = 2.
const CE = 0.3895724981485316;
const KL = 0.058217982578809474;

const logits = () =>
  tf.tensor2d([
    [2, 1, 0],
    [0.5, -1, 1.5],
  ]);
const labels = () => tf.tensor1d([0, 2], 'int32');
const teacher = () =>
  tf.tensor2d([
    [0.7, 0.2, 0.1],
    [0.1, 0.3, 0.6],
  ]);

function value(t: tf.Scalar): number {
  const v = t.dataSync()[0];
  t.dispose();
  return v;
}

describe('distillationLoss', () => {
  beforeAll(async () => {
    await initTfBackend();
  });

  it('matches the hand-computed 2-row example', () => {
    const v = value(distillationLoss(logits(), labels(), teacher(), { alpha: 0.25, temperature: 2 }));
    expect(v).toBeCloseTo(0.25 * CE + 0.75 * 4 * KL, 5);
    expect(v).toBeCloseTo(0.27204707227356134, 5);
  });

  it('is plain cross-entropy at alpha = 1 (teacher optional)', () => {
    expect(value(distillationLoss(logits(), labels(), null, { alpha: 1, temperature: 2 }))).toBeCloseTo(
      CE,
      5,
    );
    expect(value(distillationLoss(logits(), labels(), teacher(), { alpha: 1, temperature: 5 }))).toBeCloseTo(
      CE,
      5,
    );
  });

  it('is T²·KL at alpha = 0 and the KL vanishes when the student equals the teacher', () => {
    expect(value(distillationLoss(logits(), labels(), teacher(), { alpha: 0, temperature: 2 }))).toBeCloseTo(
      4 * KL,
      5,
    );
    const same = tf.log(teacher()) as tf.Tensor2D;
    expect(value(distillationLoss(same, labels(), teacher(), { alpha: 0, temperature: 3 }))).toBeCloseTo(
      0,
      6,
    );
  });

  it('survives hard zeros in the teacher probabilities', () => {
    const hard = tf.tensor2d([
      [1, 0, 0],
      [0, 0, 1],
    ]);
    const v = value(distillationLoss(logits(), labels(), hard, { alpha: 0.5, temperature: 2 }));
    expect(Number.isFinite(v)).toBe(true);
  });

  it('requires teacher targets when alpha < 1', () => {
    expect(() => distillationLoss(logits(), labels(), null, { alpha: 0.5, temperature: 2 })).toThrow(
      ConfigError,
    );
  });
});
