import { createRng } from '../../../src/core/index.js';
import type { Dataset } from '../../../src/models/learner.js';

/** Column-major dataset from columns (test helper). */
export function ds(columns: number[][] | Float64Array[]): Dataset {
  const cols = columns.map((c) => Float64Array.from(c));
  return { n: cols[0].length, d: cols.length, columns: cols, featureNames: cols.map((_, j) => `f${j}`) };
}

/** XOR-like 2-class data: class 0 when x0·x1 > 0, plus `extra` pure-noise features. */
export function xorData(n: number, seed: number, extra = 0): { x: Dataset; y: Int32Array } {
  const rng = createRng(seed);
  const cols = Array.from({ length: 2 + extra }, () => new Float64Array(n));
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (const c of cols) c[i] = rng.next() * 2 - 1;
    y[i] = cols[0][i] * cols[1][i] > 0 ? 0 : 1;
  }
  return { x: ds(cols), y };
}

/** Accuracy of row-major n×K probabilities against labels. */
export function accuracy(proba: Float64Array, y: Int32Array, K: number): number {
  let hits = 0;
  for (let i = 0; i < y.length; i++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (proba[i * K + k] > proba[i * K + best]) best = k;
    if (best === y[i]) hits++;
  }
  return hits / y.length;
}

/** Index of the first differing character (-1 when equal), to keep failure output short. */
export function firstDiff(a: string, b: string): number {
  if (a === b) return -1;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}
