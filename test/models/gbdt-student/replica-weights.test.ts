import { describe, expect, it } from 'vitest';
import { ConfigError, createRng } from '../../../src/core/index.js';
import { distillationReplicas, teacherAtTemperature } from '../../../src/models/gbdt-student/index.js';

describe('distillation replica weights', () => {
  it('matches a hand-worked 2-row example (α = 0.5, T = 2)', () => {
    // Row 0: p = (4/9, 4/9, 1/9), y = 0. At T = 2, q ∝ √p = (2/3, 2/3, 1/3), so q = (0.4, 0.4, 0.2);
    //   w = 0.5·(1, 0, 0) + 0.5·(0.4, 0.4, 0.2) = (0.7, 0.2, 0.1).
    // Row 1: p = (0, 0, 1), y = 2. The zeros are floored to 1e-12, so √p = (1e-6, 1e-6, 1) and
    //   q = (1e-6, 1e-6, 1) / (1 + 2e-6); w = 0.5·(0, 0, 1) + 0.5·q ≈ (5e-7, 5e-7, 0.999999).
    const y = Int32Array.of(0, 2);
    const soft = Float64Array.of(4 / 9, 4 / 9, 1 / 9, 0, 0, 1);
    const q = teacherAtTemperature(soft, 3, 2);
    expect([...q.subarray(0, 3)]).toEqual([0.4, 0.4, 0.2].map((v) => expect.closeTo(v, 14)));
    const r = distillationReplicas(y, soft, 3, 0.5, 2);
    expect([...r.rows]).toEqual([0, 0, 0, 1, 1, 1]);
    expect([...r.y]).toEqual([0, 1, 2, 0, 1, 2]);
    const z = 1 + 2e-6;
    const expected = [0.7, 0.2, 0.1, 0.5e-6 / z, 0.5e-6 / z, 0.5 + 0.5 / z];
    expect([...r.weight]).toEqual(expected.map((v) => expect.closeTo(v, 14)));
    // Every row's replica weights sum to 1: the mixture target is a probability vector.
    expect(r.weight[0] + r.weight[1] + r.weight[2]).toBeCloseTo(1, 14);
    expect(r.weight[3] + r.weight[4] + r.weight[5]).toBeCloseTo(1, 14);
  });

  it('drops zero-weight replicas (α = 1 keeps only the hard label)', () => {
    const r = distillationReplicas(
      Int32Array.of(0, 2),
      Float64Array.of(0.2, 0.3, 0.5, 0.6, 0.3, 0.1),
      3,
      1,
      1,
    );
    expect([...r.rows]).toEqual([0, 1]);
    expect([...r.y]).toEqual([0, 2]);
    expect([...r.weight]).toEqual([1, 1]);
  });

  it('rejects bad α, T and shapes with ConfigError', () => {
    const y = Int32Array.of(0);
    const soft = Float64Array.of(0.2, 0.3, 0.5);
    expect(() => distillationReplicas(y, soft, 3, 1.5, 1)).toThrow(ConfigError);
    expect(() => distillationReplicas(y, soft, 3, 0.5, 0)).toThrow(ConfigError);
    expect(() => distillationReplicas(y, soft.subarray(0, 2), 3, 0.5, 1)).toThrow(ConfigError);
    expect(() => distillationReplicas(Int32Array.of(3), soft, 3, 0.5, 1)).toThrow(ConfigError);
  });

  it('weighted CE over replicas equals CE against the mixture target (loss and gradient)', () => {
    const rng = createRng('mixture-equivalence');
    const n = 50;
    const K = 3;
    const alpha = 0.3;
    const T = 2.5;
    const y = Int32Array.from({ length: n }, () => Math.floor(rng.next() * K));
    const soft = new Float64Array(n * K);
    for (let i = 0; i < n; i++) {
      const e = [rng.next(), rng.next(), rng.next()].map((v) => v + 1e-3);
      const s = e[0] + e[1] + e[2];
      for (let k = 0; k < K; k++) soft[i * K + k] = e[k] / s;
    }
    const q = teacherAtTemperature(soft, K, T);
    const r = distillationReplicas(y, soft, K, alpha, T);
    // A fixed student probability vector per row.
    const student = Float64Array.from({ length: n * K }, (_, j) => [0.5, 0.3, 0.2][j % K]);
    let replicaLoss = 0;
    const replicaGrad = new Float64Array(n * K);
    for (let m = 0; m < r.y.length; m++) {
      const i = r.rows[m];
      replicaLoss -= r.weight[m] * Math.log(student[i * K + r.y[m]]);
      // Softmax CE gradient w.r.t. the raw scores of a replica labelled y_m: s − e_{y_m}.
      for (let k = 0; k < K; k++)
        replicaGrad[i * K + k] += r.weight[m] * (student[i * K + k] - (k === r.y[m] ? 1 : 0));
    }
    let mixtureLoss = 0;
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < K; k++) {
        const t = alpha * (y[i] === k ? 1 : 0) + (1 - alpha) * q[i * K + k];
        mixtureLoss -= t * Math.log(student[i * K + k]);
        expect(replicaGrad[i * K + k]).toBeCloseTo(student[i * K + k] - t, 12);
      }
    }
    expect(replicaLoss).toBeCloseTo(mixtureLoss, 10);
    // ... which is α·CE(hard) + (1 − α)·CE(teacher_T), the tree form of the distillation loss.
    let split = 0;
    for (let i = 0; i < n; i++) {
      split -= alpha * Math.log(student[i * K + y[i]]);
      for (let k = 0; k < K; k++) split -= (1 - alpha) * q[i * K + k] * Math.log(student[i * K + k]);
    }
    expect(replicaLoss).toBeCloseTo(split, 10);
  });
});
