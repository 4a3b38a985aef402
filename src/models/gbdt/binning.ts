import type { Dataset } from '../learner.js';

/**
 * Per-feature quantile bins. Feature j has `numBins[j]` bins: value bins 0..numBins-2 with raw upper
 * thresholds `uppers[j]` (value bin b holds uppers[b-1] < x <= uppers[b]; the last value bin is
 * unbounded) and a final missing-value bin (NaN) so every split can learn a default direction.
 */
export interface BinMapper {
  uppers: Float64Array[];
  numBins: Int32Array;
  /** Start of feature j's bins in a histogram laid out feature after feature. */
  offsets: Int32Array;
  totalBins: number;
  /** 1 when the feature had NaN in the training data (only then is "missing goes left" searched). */
  hasMissing: Uint8Array;
}

/** Enough rows for stable quantiles; larger inputs are subsampled with a fixed stride. */
const MAX_BIN_SAMPLE = 200_000;

function finiteMid(a: number, b: number): number {
  const m = a + (b - a) / 2;
  // JSON cannot hold infinities, and a midpoint must separate a from b.
  if (Number.isFinite(m) && m >= a && m < b) return m;
  return Number.isFinite(a) ? a : -Number.MAX_VALUE;
}

/** Upper thresholds of at most `maxBin` quantile bins of one column (NaN ignored). */
export function computeUppers(column: Float64Array, maxBin: number): Float64Array {
  const n = column.length;
  const stride = n > MAX_BIN_SAMPLE ? n / MAX_BIN_SAMPLE : 1;
  const m0 = Math.min(n, MAX_BIN_SAMPLE);
  const sample = new Float64Array(m0);
  let m = 0;
  for (let s = 0; s < m0; s++) {
    const v = column[Math.floor(s * stride)];
    if (!Number.isNaN(v)) sample[m++] = v;
  }
  const sorted = sample.subarray(0, m).sort();
  // Distinct values with counts, so few-valued features get one bin per value.
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < m; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      distinct.push(sorted[i]);
      counts.push(1);
    } else counts[counts.length - 1]++;
  }
  const uppers: number[] = [];
  if (distinct.length <= maxBin) {
    for (let i = 0; i + 1 < distinct.length; i++) uppers.push(finiteMid(distinct[i], distinct[i + 1]));
    return Float64Array.from(uppers);
  }
  // Greedy equal-frequency cut over distinct values: close a bin once it reaches its share.
  let remaining = m;
  let binsLeft = maxBin;
  let acc = 0;
  for (let i = 0; i + 1 < distinct.length && binsLeft > 1; i++) {
    acc += counts[i];
    if (acc >= remaining / binsLeft) {
      uppers.push(finiteMid(distinct[i], distinct[i + 1]));
      remaining -= acc;
      acc = 0;
      binsLeft--;
    }
  }
  return Float64Array.from(uppers);
}

/** Builds the bin mapper of a dataset (computed once per training). */
export function createBinMapper(x: Dataset, maxBin: number): BinMapper {
  const uppers = x.columns.map((c) => computeUppers(c, maxBin));
  const numBins = Int32Array.from(uppers, (u) => u.length + 2);
  const offsets = new Int32Array(x.d);
  let total = 0;
  for (let j = 0; j < x.d; j++) {
    offsets[j] = total;
    total += numBins[j];
  }
  const hasMissing = Uint8Array.from(x.columns, (c) => (c.some(Number.isNaN) ? 1 : 0));
  return { uppers, numBins, offsets, totalBins: total, hasMissing };
}

/** Bin of one raw value: first b with x <= uppers[b]; NaN goes to the missing bin. */
export function binOf(uppers: Float64Array, v: number): number {
  if (Number.isNaN(v)) return uppers.length + 1;
  let lo = 0;
  let hi = uppers.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v <= uppers[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Histogram cell index per (row, feature): Uint16 unless the histogram has more than 65,536 bins. */
export type RowBins = Uint16Array | Uint32Array;

/**
 * Bins of every value, twice: row-major histogram cell indices (row i, feature j at i*d+j holds
 * offsets[j] + bin, in shared memory for the histogram workers) and column-major bins (feature j at
 * j*n, for partitioning).
 */
export function binDataset(x: Dataset, mapper: BinMapper): { byRow: RowBins; byFeature: Uint8Array } {
  const { n, d } = x;
  const cells = Math.max(1, n * d);
  const byRow =
    mapper.totalBins <= 65_536
      ? new Uint16Array(new SharedArrayBuffer(cells * 2))
      : new Uint32Array(new SharedArrayBuffer(cells * 4));
  const byFeature = new Uint8Array(n * d);
  for (let j = 0; j < d; j++) {
    const col = x.columns[j];
    const up = mapper.uppers[j];
    const off = mapper.offsets[j];
    const out = byFeature.subarray(j * n, (j + 1) * n);
    for (let i = 0; i < n; i++) out[i] = binOf(up, col[i]);
    for (let i = 0; i < n; i++) byRow[i * d + j] = off + out[i];
  }
  return { byRow, byFeature };
}
