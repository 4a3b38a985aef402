/**
 * Gradient histograms: a slot at `base` holds per feature bin the pair (sum of gradients, sum of
 * hessians) at `hist[base + 2·(offsets[j] + bin)]` and the next double; `cells[i*d+j]` already holds
 * offsets[j] + bin. Pairs rather than two halves because the WebAssembly kernels (histogram-wat.ts),
 * which do the training's builds, then update both sums with one SIMD add; this JavaScript kernel is
 * their reference and the fallback when the data do not fit a wasm memory. Row counts are not
 * stored (as in LightGBM they are estimated from hessians when searching splits). Gradients are
 * class-major and interleaved: `gh[(k*n + i)*2]` is the gradient of row i for class k, the next
 * double its hessian.
 *
 * Each cell receives its rows in partition order whatever the kernel, the unrolling or the thread,
 * and a leaf split in two row chunks (see chunkSplit) is summed as chunk 0 + chunk 1 whichever thread
 * built each, so sums are bit-identical between every builder. The histogram worker runs these very
 * functions (histogram-worker-source.ts embeds their source), so they must stay self-contained: no
 * calls to or references of other module-level names.
 */

/**
 * Adds the rows `rows[start..end)` of class k into the histogram of the features `feats[q0..q1)`;
 * when they are all d features a direct loop skips the feature indirection. `half` is the number of
 * cells of a slot (totalBins).
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
  half: number,
): number {
  // A view of the slot: indexing it by the cell directly is about a fifth faster than adding the
  // slot base to every index of the whole buffer.
  const hs = hist.subarray(base, base + 2 * half);
  const all = q0 === 0 && q1 === d;
  for (let p = start; p < end; p++) {
    const r = rows[p];
    const o = r * ghStride + ghOffset;
    const g = gh[o];
    const h = gh[o + 1];
    const rb = r * d;
    let q = q0;
    if (all) {
      // Unrolled: V8's per-iteration loop overhead otherwise dominates the memory ops.
      for (; q + 3 < q1; q += 4) {
        const c0 = cells[rb + q] << 1;
        const c1 = cells[rb + q + 1] << 1;
        const c2 = cells[rb + q + 2] << 1;
        const c3 = cells[rb + q + 3] << 1;
        hs[c0] += g;
        hs[c0 + 1] += h;
        hs[c1] += g;
        hs[c1 + 1] += h;
        hs[c2] += g;
        hs[c2 + 1] += h;
        hs[c3] += g;
        hs[c3 + 1] += h;
      }
    }
    for (; q < q1; q++) {
      const c = cells[rb + (all ? q : feats[q])] << 1;
      hs[c] += g;
      hs[c + 1] += h;
    }
  }
  return 0;
}

/** Zeroes the bins of the features `feats[q0..q1)` of one histogram slot. */
export function clearHistogram(
  feats: Int32Array,
  q0: number,
  q1: number,
  offsets: Int32Array,
  numBins: Int32Array,
  hist: Float64Array,
  base: number,
  half: number,
): void {
  if (q0 === 0 && q1 === offsets.length) {
    hist.fill(0, base, base + 2 * half);
    return;
  }
  for (let q = q0; q < q1; q++) {
    const j = feats[q];
    const from = base + 2 * offsets[j];
    hist.fill(0, from, from + 2 * numBins[j]);
  }
}

/**
 * `hist[a..] -= hist[b..]` over the features used: the sibling's histogram without touching its rows.
 * Cell by cell, so when every feature is used one loop over the whole slot gives the same bits.
 */
export function subtractHistogram(
  feats: Int32Array,
  nf: number,
  offsets: Int32Array,
  numBins: Int32Array,
  hist: Float64Array,
  a: number,
  b: number,
  half: number,
): void {
  if (nf === offsets.length) {
    for (let k = 0; k < 2 * half; k++) hist[a + k] -= hist[b + k];
    return;
  }
  for (let q = 0; q < nf; q++) {
    const j = feats[q];
    const from = 2 * offsets[j];
    const to = from + 2 * numBins[j];
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
  half: number,
): void {
  if (nf === offsets.length) {
    for (let k = 0; k < 2 * half; k++) hist[a + k] += hist[b + k];
    return;
  }
  for (let q = 0; q < nf; q++) {
    const j = feats[q];
    const from = 2 * offsets[j];
    const to = from + 2 * numBins[j];
    for (let k = from; k < to; k++) hist[a + k] += hist[b + k];
  }
}
