import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { datasetFromRows, loadClassifier } from '../../../src/models/index.js';
import { parseStudentOptions } from '../../../src/models/tfjs/index.js';

// Runs in its own process: initTfBackend() is never called here.
describe('StudentModel without initTfBackend()', () => {
  it('falls back to the cpu backend synchronously and computes hand-checkable probabilities', () => {
    const saved = {
      className: 'LogisticStudent',
      config: {
        options: parseStudentOptions({}),
        featureNames: ['a', 'b'],
        classes: ['LONG', 'SHORT', 'NOOP'],
      },
      weights: {
        normaliser: { mean: [1, 0], std: [2, 1] },
        layers: [{ inDim: 2, outDim: 3, activation: 'linear', weights: [1, 0, 0, 0, 1, 0], bias: [0, 0, 0] }],
        calibrationTemperature: 2,
      },
    };
    const model = loadClassifier(saved);
    // Row (3, 2) standardises to (1, 2); logits (1, 2, 0) / T=2 → softmax(0.5, 1, 0).
    const p = model.predictProba(datasetFromRows([[3, 2]], ['a', 'b']));
    const e = [Math.exp(0.5), Math.exp(1), 1];
    const s = e[0] + e[1] + e[2];
    expect(tf.getBackend()).toBe('cpu');
    expect([...p]).toEqual(e.map((v) => expect.closeTo(v / s, 6)));
    // test/setup.ts fails the test if the cpu backend's install-tfjs-node banner reached console.warn.
  });
});
