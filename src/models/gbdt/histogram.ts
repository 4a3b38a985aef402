/**
 * Gradient histograms: a slot at `base` holds per feature bin the sum of gradients at
 * `hist[base + offsets[j] + bin]` and the sum of hessians `half` (= totalBins) doubles further;
 * `cells[i*d+j]` already holds offsets[j] + bin. Two halves rather than interleaved pairs because the
 * hot loop then adds the same index into two arrays, which V8 compiles to fewer instructions (about
 * 2.6 instead of 3.6 ns per row and feature on contiguous rows). Row counts are not stored (as in
 * LightGBM they are estimated from hessians when searching splits), which makes the hot loop a third
 * cheaper. Gradients are class-major and interleaved: `gh[(k*n + i)*2]` is the gradient of row i for
 * class k, the next double its hessian.
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
  half: number,
): number {
  // Views of the slot's two halves: indexing them by the cell directly is about a fifth faster than
  // adding the slot base to every index of the whole buffer.
  const hg = hist.subarray(base, base + half);
  const hh = hist.subarray(base + half, base + 2 * half);
  const all = q0 === 0 && q1 === d;
  const count = end - start;
  // Mean distance between consecutive rows: when small the hardware prefetcher already streams the
  // cells, and the plain loop below is the fastest (rows of a leaf are in ascending order).
  const gap = count > 1 ? (rows[end - 1] - rows[start]) / (count - 1) : 1;
  const DENSE_GAP = 4;
  if (all && gap <= DENSE_GAP) {
    for (let p = start; p < end; p++) {
      const r = rows[p];
      const o = r * ghStride + ghOffset;
      const g = gh[o];
      const h = gh[o + 1];
      const re = r * d + d;
      let q = r * d;
      for (; q + 7 < re; q += 8) {
        const c0 = cells[q];
        const c1 = cells[q + 1];
        const c2 = cells[q + 2];
        const c3 = cells[q + 3];
        const c4 = cells[q + 4];
        const c5 = cells[q + 5];
        const c6 = cells[q + 6];
        const c7 = cells[q + 7];
        hg[c0] += g;
        hh[c0] += h;
        hg[c1] += g;
        hh[c1] += h;
        hg[c2] += g;
        hh[c2] += h;
        hg[c3] += g;
        hh[c3] += h;
        hg[c4] += g;
        hh[c4] += h;
        hg[c5] += g;
        hh[c5] += h;
        hg[c6] += g;
        hh[c6] += h;
        hg[c7] += g;
        hh[c7] += h;
      }
      for (; q < re; q++) {
        const c = cells[q];
        hg[c] += g;
        hh[c] += h;
      }
    }
    return 0;
  }
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
      // Unrolled: V8's per-iteration loop overhead otherwise dominates the memory ops.
      if (all) {
        for (; q + 7 < q1; q += 8) {
          const c0 = cells[rb + q];
          const c1 = cells[rb + q + 1];
          const c2 = cells[rb + q + 2];
          const c3 = cells[rb + q + 3];
          const c4 = cells[rb + q + 4];
          const c5 = cells[rb + q + 5];
          const c6 = cells[rb + q + 6];
          const c7 = cells[rb + q + 7];
          hg[c0] += g;
          hh[c0] += h;
          hg[c1] += g;
          hh[c1] += h;
          hg[c2] += g;
          hh[c2] += h;
          hg[c3] += g;
          hh[c3] += h;
          hg[c4] += g;
          hh[c4] += h;
          hg[c5] += g;
          hh[c5] += h;
          hg[c6] += g;
          hh[c6] += h;
          hg[c7] += g;
          hh[c7] += h;
        }
      } else {
        for (; q + 3 < q1; q += 4) {
          const c0 = cells[rb + feats[q]];
          const c1 = cells[rb + feats[q + 1]];
          const c2 = cells[rb + feats[q + 2]];
          const c3 = cells[rb + feats[q + 3]];
          hg[c0] += g;
          hh[c0] += h;
          hg[c1] += g;
          hh[c1] += h;
          hg[c2] += g;
          hh[c2] += h;
          hg[c3] += g;
          hh[c3] += h;
        }
      }
      for (; q < q1; q++) {
        const c = cells[rb + (all ? q : feats[q])];
        hg[c] += g;
        hh[c] += h;
      }
    }
  }
  return sink;
}

/** Zeroes the bins of the features `feats[q0..q1)` of one histogram slot (both halves). */
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
    const from = base + offsets[j];
    hist.fill(0, from, from + numBins[j]);
    hist.fill(0, from + half, from + half + numBins[j]);
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
    const from = offsets[j];
    const to = from + numBins[j];
    for (let k = from; k < to; k++) hist[a + k] -= hist[b + k];
    for (let k = from + half; k < to + half; k++) hist[a + k] -= hist[b + k];
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
    const from = offsets[j];
    const to = from + numBins[j];
    for (let k = from; k < to; k++) hist[a + k] += hist[b + k];
    for (let k = from + half; k < to + half; k++) hist[a + k] += hist[b + k];
  }
}
