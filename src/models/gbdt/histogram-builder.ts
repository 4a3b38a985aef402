import type { BinMapper } from './binning.js';
import { buildHistogram, clearHistogram } from './histogram.js';
import type { GrowBuffers } from './tree-grower.js';

/** Fills histogram slots from a range of partitioned rows, for the first `nf` features of `feats`. */
export interface HistogramBuilder {
  /** Clears the slot at `base` (used features only) and adds rows[start..end) of class k. */
  build(k: number, start: number, end: number, nf: number, base: number): void;
  /** Releases threads, if any. */
  close(): void;
}

/** Builds features feats[q0..q1) of one slot of class k on the calling thread. */
export function buildFeatureRange(
  buf: GrowBuffers,
  mapper: BinMapper,
  k: number,
  start: number,
  end: number,
  q0: number,
  q1: number,
  base: number,
): void {
  clearHistogram(buf.feats, q0, q1, mapper.offsets, mapper.numBins, buf.hist, base);
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
    q0,
    q1,
    buf.hist,
    base,
  );
}

/** Single-threaded histogram builder. */
export function createSerialBuilder(buf: GrowBuffers, mapper: BinMapper): HistogramBuilder {
  return {
    build: (k, start, end, nf, base) => buildFeatureRange(buf, mapper, k, start, end, 0, nf, base),
    close() {},
  };
}
