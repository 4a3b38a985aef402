import type { BinMapper } from './binning.js';
import { addHistogram, buildHistogram, clearHistogram } from './histogram.js';
import { buildHistogramWasm, gradientsWasm } from './histogram-wasm.js';
import { softmaxGradients } from './objective.js';
import { partitionRows } from './partition.js';
import { findBestSplit, type SplitInfo, type SplitParams } from './split.js';
import type { GrowBuffers } from './tree-grower.js';

/**
 * Runs the row-wise kernels of training on GrowBuffers: histograms (for the first `nf` features of
 * `feats`), partitions and gradients. Every implementation gives bit-identical results.
 */
export interface HistogramBuilder {
  /** Clears the slot at `base` (used features only) and adds rows[start..end) of class k. */
  build(k: number, start: number, end: number, nf: number, base: number): void;
  /** Stable partition of rows[start..end) by `goLeft` of the bins at binsByFeature[col + row]; returns the left count. */
  partition(start: number, end: number, col: number): number;
  /** Softmax gradients and hessians of every row and class from `scores` into `gh`. */
  gradients(): void;
  /**
   * findBestSplit of two leaves (features feats[0..nf)): `a` on the calling thread, `b` on the worker
   * when there is one. Both searches read only histograms; the results are the same either way.
   */
  splitPair(a: SplitJob, b: SplitJob, nf: number, p: SplitParams): void;
  /** Releases threads, if any. */
  close(): void;
}

/**
 * Softmax gradients of rows from..to: the wasm kernel when the buffers allow it (see
 * GrowBuffers.wasmGradients), else softmaxGradients; the same bits either way.
 */
export function gradientRange(buf: GrowBuffers, from: number, to: number): void {
  if (buf.wasmGradients && buf.kernels)
    gradientsWasm(buf.kernels, buf.scores, buf.y, buf.gh, from, to, softmaxGradients);
  else softmaxGradients(buf.scores, buf.y, buf.numClasses, buf.weight, buf.gh, from, to);
}

/** One leaf's split search: its histogram slot, gradient and hessian sums, row count, and result. */
export interface SplitJob {
  base: number;
  sumG: number;
  sumH: number;
  count: number;
  out: SplitInfo;
}

/** findBestSplit of one job on the calling thread. */
export function searchSplit(
  buf: GrowBuffers,
  mapper: BinMapper,
  job: SplitJob,
  nf: number,
  p: SplitParams,
): void {
  findBestSplit(
    buf.hist,
    job.base,
    buf.feats,
    nf,
    mapper.offsets,
    mapper.numBins,
    mapper.hasMissing,
    job.sumG,
    job.sumH,
    job.count,
    p,
    job.out,
  );
}

/**
 * Leaves with fewer rows are built as one chunk: for them waking a second thread costs about as
 * much as it saves. A constant, not a function of the thread count, so the summation order is too.
 */
export const MIN_CHUNKED_ROWS = 4096;

/**
 * First row of the second chunk of rows[start..end) (end when the leaf is built as one chunk). The
 * histogram is chunk 0 + chunk 1 cell by cell, whichever thread computed each chunk, so a model
 * depends on the rows only: serial and threaded training are bit-identical.
 */
export function chunkSplit(start: number, end: number): number {
  return end - start < MIN_CHUNKED_ROWS ? end : start + ((end - start) >>> 1);
}

/** Counters of histogram builds since the last reset, for tests proving which path was taken. */
export const histogramStats = { builds: 0, chunkedBuilds: 0, parallelBuilds: 0 };

/** Zeroes the histogram build counters. */
export function resetHistogramStats(): void {
  histogramStats.builds = 0;
  histogramStats.chunkedBuilds = 0;
  histogramStats.parallelBuilds = 0;
}

/**
 * Features a histogram build covers: with most features used, all d of them (the direct loop over a
 * row's contiguous cells is faster than the indirect one even with the unused cells added); otherwise
 * feats[0..nf). Either way the used features' cells get the same rows in the same order, so the same
 * bits; only the used features are read, merged or subtracted afterwards.
 */
export function buildWidth(nf: number, d: number): number {
  return 4 * nf >= 3 * d ? d : nf;
}

/** Builds features feats[0..nf) of one slot of class k from rows[start..end) on the calling thread. */
export function buildRowRange(
  buf: GrowBuffers,
  mapper: BinMapper,
  k: number,
  start: number,
  end: number,
  nf: number,
  base: number,
): void {
  const q1 = buildWidth(nf, buf.d);
  clearHistogram(buf.feats, 0, q1, mapper.offsets, mapper.numBins, buf.hist, base, mapper.totalBins);
  if (buf.kernels) {
    const { bins, d, rows, gh, feats, hist } = buf;
    const scratch = buf.scratch.byteOffset;
    buildHistogramWasm(
      buf.kernels,
      bins,
      d,
      rows,
      start,
      end,
      gh,
      2 * k * buf.n,
      feats,
      q1,
      hist,
      base,
      scratch,
    );
    return;
  }
  buildHistogram(
    buf.bins,
    buf.d,
    buf.rows,
    start,
    end,
    buf.gh,
    2,
    2 * k * buf.n,
    buf.feats,
    0,
    q1,
    buf.hist,
    base,
    mapper.totalBins,
  );
}

/** Single-threaded histogram builder: the same chunks as the threaded one, one after the other. */
/** Adds the second row-half's histogram (built into the scratch slot) into the slot at `base`. */
export function addScratchChunk(buf: GrowBuffers, mapper: BinMapper, nf: number, base: number): void {
  addHistogram(
    buf.feats,
    nf,
    mapper.offsets,
    mapper.numBins,
    buf.hist,
    base,
    buf.scratchBase,
    mapper.totalBins,
  );
}

/**
 * Stable partition of rows[from..to) on the split's go-left table (wasm kernel when there is one):
 * left rows compacted from rows[from] (`rows`: buf.rows unless given, in the arena for the kernel), the right ones in order to tmp[from..]; returns the left count.
 */
export function partitionRange(
  buf: GrowBuffers,
  from: number,
  to: number,
  col: number,
  rows: Uint32Array = buf.rows,
): number {
  const { tmp, binsByFeature, goLeft } = buf;
  if (buf.kernels) {
    const c = binsByFeature.byteOffset + col;
    return buf.kernels.partition(rows.byteOffset, tmp.byteOffset, from, to, c, goLeft.byteOffset);
  }
  return partitionRows(rows, tmp, from, to, binsByFeature, col, goLeft);
}

/** Stable serial partition of rows [start, end) on the split's go-left table; returns the left count. */
export function partitionSerial(buf: GrowBuffers, start: number, end: number, col: number): number {
  const nLeft = partitionRange(buf, start, end, col);
  buf.rows.set(buf.tmp.subarray(start, end - nLeft), start + nLeft);
  return nLeft;
}

/**
 * Joins two partitioned halves: [start, mid) left `la` rows in rows[start..], right ones in
 * tmp[start..]; [mid, end) left `lb` rows in rows[mid..], right ones in tmp[mid..]. Lays out the
 * left rows of both halves, then the right ones, each in row order (what one serial pass gives).
 */
export function joinPartitions(
  buf: GrowBuffers,
  start: number,
  mid: number,
  end: number,
  la: number,
  lb: number,
): number {
  const { rows, tmp } = buf;
  const ra = mid - start - la;
  const rb = end - mid - lb;
  rows.copyWithin(start + la, mid, mid + lb);
  rows.set(tmp.subarray(start, start + ra), start + la + lb);
  rows.set(tmp.subarray(mid, mid + rb), start + la + lb + ra);
  return la + lb;
}

export function createSerialBuilder(buf: GrowBuffers, mapper: BinMapper): HistogramBuilder {
  return {
    build(k, start, end, nf, base) {
      histogramStats.builds++;
      const mid = chunkSplit(start, end);
      buildRowRange(buf, mapper, k, start, mid, nf, base);
      if (mid === end) return;
      histogramStats.chunkedBuilds++;
      buildRowRange(buf, mapper, k, mid, end, nf, buf.scratchBase);
      addScratchChunk(buf, mapper, nf, base);
    },
    partition: (start, end, col) => partitionSerial(buf, start, end, col),
    gradients() {
      gradientRange(buf, 0, buf.n);
    },
    splitPair(a, b, nf, p) {
      searchSplit(buf, mapper, a, nf, p);
      searchSplit(buf, mapper, b, nf, p);
    },
    close() {},
  };
}
