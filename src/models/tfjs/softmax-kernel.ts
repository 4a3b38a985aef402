import type { Normaliser } from '../scorer/index.js';
import { type DistillationWeights, TEACHER_PROB_FLOOR } from './distillation-loss.js';
import { normalisedRowMajor } from './student-data.js';
import type { LabelledRows } from './training-data.js';

/** Rows prepared once for the typed-array trainer: standardised features, labels, softened teacher. */
export interface SoftmaxRows {
  n: number;
  d: number;
  k: number;
  /** Standardised features, row-major n × d (the same float32 values TF.js would be given). */
  x: Float32Array;
  y: Int32Array;
  /** Teacher targets at temperature T, `softmax(log max(p, floor) / T)`, n × k; null without a soft term. */
  q: Float64Array | null;
  /** `Σ_k q log q` per row (the constant part of the KL term); null without a soft term. */
  qLogQ: Float64Array | null;
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

/**
 * The distillation loss of a softmax-regression student (logits `z = x·W + b`, W row-major d × k followed
 * by b in one parameter vector), row by row in O(d·k) with preallocated scratch: per row
 * `α·CE(y, softmax(z)) + (1−α)·T²·KL(q ‖ softmax(z/T))`, whose gradient in z is
 * `α·(softmax(z) − onehot(y)) + (1−α)·T·(softmax(z/T) − q)` (the loss of distillation-loss.ts).
 */
export class SoftmaxKernel {
  /** Rows whose loss (and gradient) this kernel has computed: the work counter of the trainer. */
  rowsVisited = 0;
  private readonly z: Float64Array;
  private readonly g: Float64Array;

  constructor(
    readonly d: number,
    readonly k: number,
  ) {
    this.z = new Float64Array(k);
    this.g = new Float64Array(k);
  }

  /**
   * Sum of the loss over rows `order[from..to)` (rows `from..to` when order is null); with `grad`, adds
   * the gradient of that sum with respect to `theta` into `grad`.
   */
  sumLoss(
    rows: SoftmaxRows,
    order: Int32Array | null,
    from: number,
    to: number,
    theta: Float64Array,
    { alpha, temperature }: DistillationWeights,
    grad: Float64Array | null,
  ): number {
    const { d, k, z, g } = this;
    const { x, y, q, qLogQ } = rows;
    const soft = alpha < 1;
    if (soft && (!q || !qLogQ)) throw new Error('SoftmaxKernel: alpha < 1 needs softened teacher rows');
    const bias = d * k;
    const t = temperature;
    let total = 0;
    for (let r = from; r < to; r++) {
      const i = order ? order[r] : r;
      const off = i * d;
      for (let c = 0; c < k; c++) z[c] = theta[bias + c];
      for (let j = 0; j < d; j++) {
        const xj = x[off + j];
        const wj = j * k;
        for (let c = 0; c < k; c++) z[c] += xj * theta[wj + c];
      }
      // Hard-label cross-entropy through a stable log-sum-exp.
      let max = z[0];
      for (let c = 1; c < k; c++) if (z[c] > max) max = z[c];
      let sum = 0;
      for (let c = 0; c < k; c++) {
        g[c] = Math.exp(z[c] - max);
        sum += g[c];
      }
      const label = y[i];
      const ce = max + Math.log(sum) - z[label];
      for (let c = 0; c < k; c++) g[c] = (g[c] / sum - (c === label ? 1 : 0)) * (soft ? alpha : 1);
      if (soft) {
        const qo = i * k;
        const maxT = max / t;
        let sumT = 0;
        for (let c = 0; c < k; c++) sumT += Math.exp(z[c] / t - maxT);
        const lseT = maxT + Math.log(sumT);
        let cross = 0;
        const scale = (1 - alpha) * t;
        for (let c = 0; c < k; c++) {
          const logS = z[c] / t - lseT;
          const qc = (q as Float64Array)[qo + c];
          cross += qc * logS;
          g[c] += scale * (Math.exp(logS) - qc);
        }
        const kl = (qLogQ as Float64Array)[i] - cross;
        total += alpha * ce + (1 - alpha) * t * t * kl;
      } else total += ce;
      if (grad) {
        for (let c = 0; c < k; c++) grad[bias + c] += g[c];
        for (let j = 0; j < d; j++) {
          const xj = x[off + j];
          const wj = j * k;
          for (let c = 0; c < k; c++) grad[wj + c] += xj * g[c];
        }
      }
    }
    this.rowsVisited += to - from;
    return total;
  }
}
