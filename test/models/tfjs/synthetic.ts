// Seeded synthetic 3-class data with known generating probabilities (test helper, not a test).
import { createRng } from '../../../src/core/index.js';
import type { Dataset } from '../../../src/models/learner.js';

export interface Synthetic {
  x: Dataset;
  y: Int32Array;
  /** The true class probabilities that generated y (row-major n × 3). */
  probs: Float64Array;
}

export type Shape = 'linear' | 'xor';

/** n rows, d features with non-trivial means/scales; labels drawn from softmax of a fixed score. */
export function synthetic(
  n: number,
  d: number,
  seed: number | string,
  shape: Shape = 'linear',
  shift = 0,
): Synthetic {
  const model = createRng('synthetic-model');
  const w = Array.from({ length: d * 3 }, () => model.normal());
  const mu = Array.from({ length: d }, (_, k) => 5 * Math.sin(k + 1));
  const sigma = Array.from({ length: d }, (_, k) => 0.5 + (k % 4));
  const rng = createRng(seed);
  const columns = Array.from({ length: d }, () => new Float64Array(n));
  const y = new Int32Array(n);
  const probs = new Float64Array(n * 3);
  const z = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) {
      z[k] = rng.normal();
      columns[k][i] = mu[k] + shift + sigma[k] * z[k];
    }
    const s = [0, 0, 0];
    if (shape === 'xor') {
      // Not linearly separable: the class depends on the sign of z0·z1.
      const v = z[0] * z[1];
      s[0] = 3 * v;
      s[1] = -3 * v;
      s[2] = 1 - 2 * Math.abs(v);
    } else {
      for (let c = 0; c < 3; c++)
        for (let k = 0; k < d; k++) s[c] += (1.2 * w[k * 3 + c] * z[k]) / Math.sqrt(d);
    }
    const m = Math.max(...s);
    const e = s.map((v) => Math.exp(v - m));
    const sum = e[0] + e[1] + e[2];
    let u = rng.next();
    y[i] = 2;
    for (let c = 0; c < 3; c++) {
      probs[i * 3 + c] = e[c] / sum;
    }
    for (let c = 0; c < 3; c++) {
      u -= probs[i * 3 + c];
      if (u < 0) {
        y[i] = c;
        break;
      }
    }
  }
  return { x: { n, d, columns, featureNames: Array.from({ length: d }, (_, k) => `f${k}`) }, y, probs };
}

/** Share of rows whose argmax of `p` equals `target[i]`. */
export function accuracy(p: Float64Array, target: Int32Array): number {
  let hits = 0;
  for (let i = 0; i < target.length; i++) {
    let best = 0;
    for (let c = 1; c < 3; c++) if (p[i * 3 + c] > p[i * 3 + best]) best = c;
    if (best === target[i]) hits++;
  }
  return hits / target.length;
}

/** Argmax class per row of row-major n × 3 probabilities. */
export function argmaxRows(p: Float64Array): Int32Array {
  const out = new Int32Array(p.length / 3);
  for (let i = 0; i < out.length; i++) {
    let best = 0;
    for (let c = 1; c < 3; c++) if (p[i * 3 + c] > p[i * 3 + best]) best = c;
    out[i] = best;
  }
  return out;
}

/** Mean NLL of labels under row-major n × 3 probabilities. */
export function meanNll(p: Float64Array, y: Int32Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s -= Math.log(Math.max(p[i * 3 + y[i]], 1e-300));
  return s / y.length;
}
