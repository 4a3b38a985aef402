/** Softmax multiclass objective: priors, gradients, multi-logloss. */

/** Smallest probability used in logs, so an absent class gives a large finite score. */
const EPS = 1e-15;

/** Log of the (weighted) class frequencies: the initial raw score of every row. */
export function logPriors(y: Int32Array, K: number, weight?: Float64Array): Float64Array {
  const sums = new Float64Array(K);
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const w = weight ? weight[i] : 1;
    sums[y[i]] += w;
    total += w;
  }
  return sums.map((s) => Math.log(Math.max(s / total, EPS)));
}

/** Row-wise softmax of raw scores into `prob` (both n×K row-major). */
export function softmaxInto(raw: Float64Array, K: number, prob: Float64Array): void {
  for (let o = 0; o < raw.length; o += K) {
    let mx = raw[o];
    for (let k = 1; k < K; k++) if (raw[o + k] > mx) mx = raw[o + k];
    let s = 0;
    for (let k = 0; k < K; k++) {
      const e = Math.exp(raw[o + k] - mx);
      prob[o + k] = e;
      s += e;
    }
    for (let k = 0; k < K; k++) prob[o + k] /= s;
  }
}

/**
 * Gradient p−y and hessian K/(K−1)·p(1−p) of class k (LightGBM's multiclass factor, which makes
 * the Newton step match the K−1 free parameters of softmax), times the row weight.
 */
export function classGradients(
  prob: Float64Array,
  y: Int32Array,
  K: number,
  k: number,
  weight: Float64Array | undefined,
  grad: Float64Array,
  hess: Float64Array,
): void {
  const factor = K / (K - 1);
  const n = y.length;
  for (let i = 0; i < n; i++) {
    const p = prob[i * K + k];
    const w = weight ? weight[i] : 1;
    grad[i] = (y[i] === k ? p - 1 : p) * w;
    hess[i] = factor * p * (1 - p) * w;
  }
}

/** Mean −log p(true class) from raw scores. */
export function multiLogloss(raw: Float64Array, y: Int32Array, K: number): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const o = i * K;
    let mx = raw[o];
    for (let k = 1; k < K; k++) if (raw[o + k] > mx) mx = raw[o + k];
    let s = 0;
    for (let k = 0; k < K; k++) s += Math.exp(raw[o + k] - mx);
    sum -= Math.max(raw[o + y[i]] - mx - Math.log(s), Math.log(EPS));
  }
  return sum / y.length;
}

/**
 * softmaxInto then classGradients for every class in one pass over the rows from..to (all by
 * default), writing the layout `gh[(k*n + i)*2 + {0: gradient, 1: hessian}]`; the arithmetic is the
 * same, so are the bits. The histogram worker runs it too, so it must stay self-contained.
 */
export function softmaxGradients(
  raw: Float64Array,
  y: Int32Array,
  K: number,
  weight: Float64Array | undefined,
  gh: Float64Array,
  from = 0,
  to = y.length,
): void {
  const factor = K / (K - 1);
  const e = new Float64Array(K);
  const n = y.length;
  for (let i = from; i < to; i++) {
    const o = i * K;
    let mx = raw[o];
    for (let k = 1; k < K; k++) if (raw[o + k] > mx) mx = raw[o + k];
    let s = 0;
    for (let k = 0; k < K; k++) {
      const v = Math.exp(raw[o + k] - mx);
      e[k] = v;
      s += v;
    }
    const w = weight ? weight[i] : 1;
    const yi = y[i];
    for (let k = 0; k < K; k++) {
      const p = e[k] / s;
      const g = 2 * (k * n + i);
      gh[g] = (yi === k ? p - 1 : p) * w;
      gh[g + 1] = factor * p * (1 - p) * w;
    }
  }
}
