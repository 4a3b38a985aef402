/**
 * Gradient histograms: per feature bin the pair (sum gradient, sum hessian) at
 * `hist[base + (offsets[j] + bin) * 2 + {0,1}]`; `cells[i*d+j]` already holds offsets[j] + bin. Row
 * counts are not stored (as in LightGBM they are estimated from hessians when searching splits),
 * which makes the hot loop a third cheaper. Gradients are class-major and interleaved:
 * `gh[(k*n + i)*2]` is the gradient of row i for class k, the next double its hessian.
 *
 * Each cell receives its rows in partition order whatever the unrolling or the blocking, and a leaf
 * split in two row chunks (see chunkSplit) is summed as chunk 0 + chunk 1 whichever thread built
 * each, so sums are bit-identical between every builder. The histogram worker runs these very functions
 * (histogram-worker-source.ts embeds their source), so they must stay self-contained: no calls to or
 * references of other module-level names.
 */

/**
 * Adds the rows `rows[start..end)` of class k into the histogram of the features `feats[q0..q1)`;
 * when they are all d features a direct loop skips the feature indirection. Returns a checksum of
 * touched cells that callers ignore (it keeps the prefetching loads alive).
 */
export function buildHistogram(
  cells: Uint16Array | Uint32Array,
  d: number,
  rows: Uint32Array,
  start: number,
  end: number,
  gh: Float64Array,
  ghStride: number,
  ghOffset: number,
  feats: Int32Array,
  q0: number,
  q1: number,
  hist: Float64Array,
  base: number,
): number {
  const all = q0 === 0 && q1 === d;
  // Rows of a deep leaf are scattered over the cell matrix, and the main loop below stalls on each
  // row's cache misses. So rows go in blocks: a first loop with independent iterations (which the
  // CPU overlaps) gathers the block's gradients and touches its cells, then the block is added.
  const BLOCK = 128;
  const og = new Float64Array(2 * BLOCK);
  let sink = 0;
  for (let b0 = start; b0 < end; b0 += BLOCK) {
    const b1 = Math.min(end, b0 + BLOCK);
    for (let p = b0; p < b1; p++) {
      const r = rows[p];
      const o = r * ghStride + ghOffset;
      const i = (p - b0) << 1;
      og[i] = gh[o];
      og[i + 1] = gh[o + 1];
      sink ^= cells[r * d] ^ cells[r * d + d - 1];
    }
    for (let p = b0; p < b1; p++) {
      const r = rows[p];
      const i = (p - b0) << 1;
      const g = og[i];
      const h = og[i + 1];
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
  return sink;
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

/** `hist[a..] += hist[b..]` over the features used: merges a second chunk's partial histogram. */
export function addHistogram(
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
    for (let k = from; k < to; k++) hist[a + k] += hist[b + k];
  }
}
