/**
 * Gradient histograms: per feature bin the pair (sum gradient, sum hessian) at
 * `hist[base + (offsets[j] + bin) * 2 + {0,1}]`; `cells[i*d+j]` already holds offsets[j] + bin. Row counts are not stored (as in LightGBM they are
 * estimated from hessians when searching splits), which makes the hot loop a third cheaper.
 * Each cell receives its rows in partition order whatever the unrolling or the thread, so sums are
 * bit-identical between the serial builder and the worker builder (histogram-worker-source.ts
 * repeats this loop in plain J/**
 * Adds the rows `rows[start..end)` into the histogram of the features `feats[q0..q1)`; when they are
 * all d features a direct loop skips the feature indirection.
 */
export function buildHistogram(
  cells: Uint16Array | Uint32Array,
  d: number,
  rows: Uint32Array,
  start: number,
  end: number,
  grad: Float64Array,
  hess: Float64Array,
  feats: Int32Array,
  q0: number,
  q1: number,
  hist: Float64Array,
  base: number,
): void {
  const all = q0 === 0 && q1 === d;
  for (let p = start; p < end; p++) {
    const r = rows[p];
    const g = grad[r];
    const h = hess[r];
    const rb = r * d;
    let q = q0;
    // Unrolled by 4: V8's per-iteration loop overhead otherwise dominates the memory ops.
    if (all) {
      for (; q + 3 < q1; q += 4) {
        const k0 = base + (cells[rb + q] << 1);
        const k1 = base + (cells[rb + q + 1] << 1);
        const k2 = base + (cells[rb + q + 2] << 1);
        const k3 = base + (cells[rb + q + 3] << 1);
        hist[k0] += g;
        hist[k0 + 1] += h;
        hist[k1] += g;
        hist[k1 + 1] += h;
        hist[k2] += g;
        hist[k2 + 1] += h;
        hist[k3] += g;
        hist[k3 + 1] += h;
      }
    } else {
      for (; q + 3 < q1; q += 4) {
        const k0 = base + (cells[rb + feats[q]] << 1);
        const k1 = base + (cells[rb + feats[q + 1]] << 1);
        const k2 = base + (cells[rb + feats[q + 2]] << 1);
        const k3 = base + (cells[rb + feats[q + 3]] << 1);
        hist[k0] += g;
        hist[k0 + 1] += h;
        hist[k1] += g;
        hist[k1 + 1] += h;
        hist[k2] += g;
        hist[k2 + 1] += h;
        hist[k3] += g;
        hist[k3 + 1] += h;
      }
    }
    for (; q < q1; q++) {
      const k = base + (cells[rb + feats[q]] << 1);
      hist[k] += g;
      hist[k + 1] += h;
    }
  }
}

/** Zeroes the bins of the features `feats[q0..q1)` of one histogram. */
export function clearHistogram(
  feats: Int32Array,
  q0: number,
  q1: number,
  offsets: Int32Array,
  numBins: Int32Array,
  hist: Float64Array,
  base: number,
): void {
  for (let q = q0; q < q1; q++) {
    const j = feats[q];
    const from = base + offsets[j] * 2;
    hist.fill(0, from, from + numBins[j] * 2);
  }
}

/** `hist[a..] -= hist[b..]` over the features used: the sibling's histogram without touching its rows. */
export function subtractHistogram(
  feats: Int32Array,
  nf: number,
  offsets: Int32Array,
  numBins: Int32Array,
  hist: Float64Array,
  a: number,
  b: number,
): void {
  for (let q = 0; q < nf; q++) {
    const j = feats[q];
    const from = offsets[j] * 2;
    const to = from + numBins[j] * 2;
    for (let k = from; k < to; k++) hist[a + k] -= hist[b + k];
  }
}
