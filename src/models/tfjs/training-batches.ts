import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../core/index.js';
import type { Normaliser } from '../scorer/index.js';
import type { TfLayer } from './dense-network.js';
import { TEACHER_PROB_FLOOR } from './distillation-loss.js';
import { normalisedRowMajor } from './student-data.js';
import type { LabelledRows } from './training-data.js';

/** Rows uploaded once as tensors: standardised features, labels, clipped teacher log-probs. */
export interface Split {
  n: number;
  x: tf.Tensor2D;
  y: tf.Tensor1D;
  logP: tf.Tensor2D | null;
}

/** Uploads a split once; per-batch rows are then gathered on the backend. */
export function upload(rows: LabelledRows, normaliser: Normaliser, k: number, needSoft: boolean): Split {
  const n = rows.x.n;
  const logP =
    needSoft && rows.soft
      ? Float32Array.from(rows.soft, (p) => Math.log(Math.max(p, TEACHER_PROB_FLOOR)))
      : null;
  return {
    n,
    x: tf.tensor2d(normalisedRowMajor(rows.x, normaliser), [n, rows.x.d]),
    y: tf.tensor1d(rows.y, 'int32'),
    logP: logP ? tf.tensor2d(logP, [n, k]) : null,
  };
}

/** A Fisher–Yates permutation of 0..n−1 drawn from the seeded RNG. */
export function shuffledIndices(n: number, rng: Rng): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return idx;
}

/** Inverted-dropout masks for the hidden layers, drawn from the seeded RNG (null where off). */
export function dropoutMasks(
  layers: readonly TfLayer[],
  rows: number,
  rate: number,
  rng: Rng,
): (tf.Tensor2D | null)[] {
  return layers.map((l) => {
    if (rate <= 0 || l.activation === 'linear') return null;
    const width = l.b.shape[0];
    const keep = 1 / (1 - rate);
    const mask = Float32Array.from({ length: rows * width }, () => (rng.next() < rate ? 0 : keep));
    return tf.tensor2d(mask, [rows, width]);
  });
}

/** Copies the current weights and biases out of the backend (for keeping the best epoch). */
export async function snapshot(vars: readonly TfLayer[]): Promise<Float32Array[]> {
  const values = await Promise.all(vars.flatMap((v) => [v.w.data(), v.b.data()]));
  return values.map((v) => Float32Array.from(v));
}
