import type { Normaliser } from '../scorer/index.js';
import { type DistillationWeights, TEACHER_PROB_FLOOR } from './distillation-loss.js';
import { normalisedRowMajor } from './student-data.js';
import type { LabelledRows } from './training-data.js';

/** Rows prepared once for the typed-array trainer: standardised features, labels, softened teacher. */
export interface SoftmaxRows<X extends Float32Array | Float64Array = Float32Array> {
  n: number;
  d: number;
  k: number;
  /** Standardised features, row-major n × d (the same float32 values TF.js would be given). */
  x: X;
  y: Int32Array;
  /** Teacher targets at temperature T, `softmax(log max(p, floor) / T)`, n × k; null without a soft term. */
  q: Float64Array | null;
  /** `Σ_k q log q` per row (the constant part of the KL term); null without a soft term. */
  qLogQ: Float64Array | null;
}

/** Rows as the kernel reads them: features widened to float64 once (the kernel reads each twice). */
export type SoftmaxBatch = SoftmaxRows<Float64Array>;

/** All of `rows` as one kernel batch (for evaluating a whole split). */
export function wholeBatch(rows: SoftmaxRows): SoftmaxBatch {
  return { ...rows, x: Float64Array.from(rows.x) };
}

/** Standardises a split and softens its teacher probabilities at `weights.temperature` (when alpha < 1). */
export function softmaxRows(
  rows: LabelledRows,
  normaliser: Normaliser,
  k: number,
  weights: DistillationWeights,
): SoftmaxRows {
  const n = rows.x.n;
  const soft = weights.alpha < 1 ? rows.soft : undefined;
  let q: Float64Array | null = null;
  let qLogQ: Float64Array | null = null;
  if (soft) {
    q = new Float64Array(n * k);
    qLogQ = new Float64Array(n);
    const u = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        // Math.fround: the float32 log-probabilities the TF.js path uploads.
        u[c] = Math.fround(Math.log(Math.max(soft[i * k + c], TEACHER_PROB_FLOOR))) / weights.temperature;
        if (u[c] > max) max = u[c];
      }
      let sum = 0;
      for (let c = 0; c < k; c++) sum += Math.exp(u[c] - max);
      const lse = max + Math.log(sum);
      let acc = 0;
      for (let c = 0; c < k; c++) {
        const logQ = u[c] - lse;
        const qc = Math.exp(logQ);
        q[i * k + c] = qc;
        acc += qc * logQ;
      }
      qLogQ[i] = acc;
    }
  }
  return { n, d: rows.x.d, k, x: normalisedRowMajor(rows.x, normaliser), y: rows.y, q, qLogQ };
}

/** A batch buffer: rows of `src` copied in `order[from..to)` order into `dst` (same d, k; capacity ≥ to − from). */
export function gatherRows(
  src: SoftmaxRows,
  order: Int32Array,
  from: number,
  to: number,
  dst: SoftmaxBatch,
): void {
  const { d, k, x, y, q, qLogQ } = src;
  const bx = dst.x;
  const bq = dst.q;
  const bql = dst.qLogQ;
  for (let r = 0; r < to - from; r++) {
    const i = order[from + r];
    const io = i * d;
    const o = r * d;
    for (let j = 0; j < d; j++) bx[o + j] = x[io + j];
    dst.y[r] = y[i];
    if (q && qLogQ && bq && bql) {
      for (let c = 0; c < k; c++) bq[r * k + c] = q[i * k + c];
      bql[r] = qLogQ[i];
    }
  }
  dst.n = to - from;
}

/** An empty batch buffer for `capacity` rows shaped like `src`. */
export function batchBuffer(src: SoftmaxRows, capacity: number): SoftmaxBatch {
  const { d, k } = src;
  return {
    n: 0,
    d,
    k,
    x: new Float64Array(capacity * d),
    y: new Int32Array(capacity),
    q: src.q ? new Float64Array(capacity * k) : null,
    qLogQ: src.qLogQ ? new Float64Array(capacity) : null,
  };
}

/** A dense layer's row-major `inDim × outDim` weights and bias → the kernel's class-major vector. */
export function packSoftmaxParams(
  weights: ArrayLike<number>,
  bias: ArrayLike<number>,
  d: number,
  k: number,
): Float64Array {
  const theta = new Float64Array(d * k + k);
  for (let j = 0; j < d; j++) for (let c = 0; c < k; c++) theta[c * d + j] = weights[j * k + c];
  for (let c = 0; c < k; c++) theta[d * k + c] = bias[c];
  return theta;
}

/** The kernel's vector → float32 `[weights (row-major d × k), bias]` as a dense layer stores them. */
export function unpackSoftmaxParams(theta: Float64Array, d: number, k: number): Float32Array[] {
  const weights = new Float32Array(d * k);
  for (let j = 0; j < d; j++) for (let c = 0; c < k; c++) weights[j * k + c] = theta[c * d + j];
  return [weights, Float32Array.from(theta.subarray(d * k))];
}
