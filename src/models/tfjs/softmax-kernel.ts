import type { DistillationWeights } from './distillation-loss.js';
import type { SoftmaxRows } from './softmax-rows.js';

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
    rows: SoftmaxRows,
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
    const bias = d * k;
    const t = temperature;
    const hardWeight = soft ? alpha : 1;
    const softScale = (1 - alpha) * t;
    let total = 0;
    for (let i = from; i < to; i++) {
      const off = i * d;
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const wo = c * d;
        let acc = theta[bias + c];
        for (let j = 0; j < d; j++) acc += theta[wo + j] * x[off + j];
        z[c] = acc;
        if (acc > max) max = acc;
      }
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
        for (let c = 0; c < k; c++) {
          const gc = e[c];
          const wo = c * d;
          grad[bias + c] += gc;
          for (let j = 0; j < d; j++) grad[wo + j] += gc * x[off + j];
        }
      }
    }
    this.rowsVisited += to - from;
    return total;
  }
}
