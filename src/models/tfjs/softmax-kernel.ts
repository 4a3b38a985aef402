import type { DistillationWeights } from './distillation-loss.js';
import type { SoftmaxBatch } from './softmax-rows.js';

/**
 * The distillation loss of a softmax-regression student, row by row in O(d·k) with preallocated scratch.
 * Parameters are one vector: W class-major (k × d, so each logit is one contiguous dot product) then b.
 * Per row `α·CE(y, softmax(z)) + (1−α)·T²·KL(q ‖ softmax(z/T))` with `z = W·x + b`, whose gradient in z
 * is `α·(softmax(z) − onehot(y)) + (1−α)·T·(softmax(z/T) − q)` (the loss of distillation-loss.ts).
 */
export class SoftmaxKernel {
  /** Rows whose loss (and gradient) this kernel has computed: the work counter of the trainer. */
  rowsVisited = 0;
  private readonly z: Float64Array;
  private readonly e: Float64Array;
  private readonly u: Float64Array;

  constructor(
    readonly d: number,
    readonly k: number,
  ) {
    this.z = new Float64Array(k);
    this.e = new Float64Array(k);
    this.u = new Float64Array(k);
  }

  /**
   * Sum of the loss over rows `from..to` of `rows`; with `grad`, adds the gradient of that sum with
   * respect to `theta` into `grad`.
   */
  sumLoss(
    rows: SoftmaxBatch,
    from: number,
    to: number,
    theta: Float64Array,
    { alpha, temperature }: DistillationWeights,
    grad: Float64Array | null,
  ): number {
    const { d, k, z, e, u } = this;
    const { x, y, q, qLogQ } = rows;
    const soft = alpha < 1;
    if (soft && (!q || !qLogQ)) throw new Error('SoftmaxKernel: alpha < 1 needs softened teacher rows');
    const t = temperature;
    const hardWeight = soft ? alpha : 1;
    const softScale = (1 - alpha) * t;
    let total = 0;
    for (let i = from; i < to; i++) {
      const off = i * d;
      if (k === 3) logits3(theta, x, off, d, z);
      else logitsK(theta, x, off, d, k, z);
      let max = z[0];
      for (let c = 1; c < k; c++) if (z[c] > max) max = z[c];
      // Hard-label cross-entropy through a stable log-sum-exp; e holds exp(z − max).
      let sum = 0;
      for (let c = 0; c < k; c++) {
        e[c] = Math.exp(z[c] - max);
        sum += e[c];
      }
      const label = y[i];
      const ce = max + Math.log(sum) - z[label];
      if (soft) {
        // exp(z/T − max/T) = exp(z − max)^(1/T): reuse e (a square root at the default T = 2).
        let sumT = 0;
        for (let c = 0; c < k; c++) {
          u[c] = t === 1 ? e[c] : t === 2 ? Math.sqrt(e[c]) : Math.exp((z[c] - max) / t);
          sumT += u[c];
        }
        const lseT = max / t + Math.log(sumT);
        const qo = i * k;
        let cross = 0;
        for (let c = 0; c < k; c++) {
          const qc = (q as Float64Array)[qo + c];
          cross += qc * (z[c] / t - lseT);
          e[c] = hardWeight * (e[c] / sum - (c === label ? 1 : 0)) + softScale * (u[c] / sumT - qc);
        }
        total += alpha * ce + (1 - alpha) * t * t * ((qLogQ as Float64Array)[i] - cross);
      } else {
        for (let c = 0; c < k; c++) e[c] = e[c] / sum - (c === label ? 1 : 0);
        total += ce;
      }
      if (grad) {
        // e now holds the gradient of this row's loss in z.
        if (k === 3) accumulate3(grad, x, off, d, e);
        else accumulateK(grad, x, off, d, k, e);
      }
    }
    this.rowsVisited += to - from;
    return total;
  }
}

/** z = W·x + b for one row (k classes; W class-major, b after it). */
function logitsK(
  theta: Float64Array,
  x: Float64Array,
  off: number,
  d: number,
  k: number,
  z: Float64Array,
): void {
  for (let c = 0; c < k; c++) {
    const wo = c * d;
    let acc = theta[d * k + c];
    for (let j = 0; j < d; j++) acc += theta[wo + j] * x[off + j];
    z[c] = acc;
  }
}

/** logitsK for three classes in one pass over the row (same summation order, so the same values). */
function logits3(theta: Float64Array, x: Float64Array, off: number, d: number, z: Float64Array): void {
  const w1 = d;
  const w2 = 2 * d;
  let a0 = theta[3 * d];
  let a1 = theta[3 * d + 1];
  let a2 = theta[3 * d + 2];
  for (let j = 0; j < d; j++) {
    const xj = x[off + j];
    a0 += theta[j] * xj;
    a1 += theta[w1 + j] * xj;
    a2 += theta[w2 + j] * xj;
  }
  z[0] = a0;
  z[1] = a1;
  z[2] = a2;
}

/** grad += (g ⊗ x, g) for one row's logit gradient g. */
function accumulateK(
  grad: Float64Array,
  x: Float64Array,
  off: number,
  d: number,
  k: number,
  g: Float64Array,
): void {
  for (let c = 0; c < k; c++) {
    const gc = g[c];
    const wo = c * d;
    grad[d * k + c] += gc;
    for (let j = 0; j < d; j++) grad[wo + j] += gc * x[off + j];
  }
}

/** accumulateK for three classes in one pass over the row. */
function accumulate3(grad: Float64Array, x: Float64Array, off: number, d: number, g: Float64Array): void {
  const g0 = g[0];
  const g1 = g[1];
  const g2 = g[2];
  const w1 = d;
  const w2 = 2 * d;
  grad[3 * d] += g0;
  grad[3 * d + 1] += g1;
  grad[3 * d + 2] += g2;
  for (let j = 0; j < d; j++) {
    const xj = x[off + j];
    grad[j] += g0 * xj;
    grad[w1 + j] += g1 * xj;
    grad[w2 + j] += g2 * xj;
  }
}
