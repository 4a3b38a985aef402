import type { Dataset } from '../learner.js';
import { ZERO_THRESHOLD, zeroAsOneBinBounds } from './bin-bounds.js';
import type { WasmArena } from './wasm-arena.js';

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

/** Enough rows for stable quantiles (LightGBM's bin_construct_sample_cnt); more are subsampled with a fixed stride. */
const MAX_BIN_SAMPLE = 200_000;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Sorts NaN-free doubles ascending in place, in the same order as Float64Array#sort (-0 before +0);
 * an LSD radix sort on the IEEE bits, because the comparison sort took most of the binning time.
 */
export function sortFloats(a: Float64Array): Float64Array {
  const m = a.length;
  if (m < 512 || !LITTLE_ENDIAN) return a.sort();
  // Sortable keys: flip every bit of negatives, only the sign bit of positives.
  const hi = new Uint32Array(m);
  const lo = new Uint32Array(m);
  const bits = new Uint32Array(a.buffer, a.byteOffset, m * 2);
  for (let i = 0; i < m; i++) {
    const h = bits[2 * i + 1];
    const neg = h >> 31;
    hi[i] = (h ^ (neg | 0x80000000)) >>> 0;
    lo[i] = (bits[2 * i] ^ neg) >>> 0;
  }
  const hi2 = new Uint32Array(m);
  const lo2 = new Uint32Array(m);
  const count = new Int32Array(65_536);
  let srcHi = hi;
  let srcLo = lo;
  let dstHi = hi2;
  let dstLo = lo2;
  for (let pass = 0; pass < 4; pass++) {
    const useHi = pass >= 2;
    const shift = (pass & 1) * 16;
    const key = useHi ? srcHi : srcLo;
    count.fill(0);
    for (let i = 0; i < m; i++) count[(key[i] >>> shift) & 0xffff]++;
    // A digit shared by every key leaves the order unchanged: skip the scatter.
    if (count[(key[0] >>> shift) & 0xffff] === m) continue;
    let sum = 0;
    for (let b = 0; b < 65_536; b++) {
      const c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (let i = 0; i < m; i++) {
      const t = count[(key[i] >>> shift) & 0xffff]++;
      dstHi[t] = srcHi[i];
      dstLo[t] = srcLo[i];
    }
    [srcHi, dstHi] = [dstHi, srcHi];
    [srcLo, dstLo] = [dstLo, srcLo];
  }
  for (let i = 0; i < m; i++) {
    const h = srcHi[i];
    const neg = ~h >> 31;
    bits[2 * i + 1] = (h ^ (neg | 0x80000000)) >>> 0;
    bits[2 * i] = (srcLo[i] ^ neg) >>> 0;
  }
  return a;
}

/**
 * Upper thresholds of at most `maxBin` value bins of one column (NaN ignored), found like LightGBM's
 * (see bin-bounds.ts): zero has a bin of its own, the others are equal-frequency bins of distinct
 * values, each with at least `minDataInBin` sampled values.
 */
export function computeUppers(column: Float64Array, maxBin: number, minDataInBin = 3): Float64Array {
  const n = column.length;
  const stride = n > MAX_BIN_SAMPLE ? n / MAX_BIN_SAMPLE : 1;
  const m0 = Math.min(n, MAX_BIN_SAMPLE);
  const sample = new Float64Array(m0);
  let m = 0;
  for (let s = 0; s < m0; s++) {
    const v = column[Math.floor(s * stride)];
    // Zeros (|v| <= ZERO_THRESHOLD) have their own bin and are not needed for the others.
    if (!Number.isNaN(v) && !(Math.abs(v) <= ZERO_THRESHOLD)) sample[m++] = v;
  }
  const sorted = sortFloats(sample.subarray(0, m));
  const values = new Float64Array(m);
  const counts = new Int32Array(m);
  let k = 0;
  for (let i = 0; i < m; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      values[k] = sorted[i];
      counts[k++] = 1;
    } else counts[k - 1]++;
  }
  const bounds = zeroAsOneBinBounds(values.subarray(0, k), counts.subarray(0, k), maxBin, minDataInBin);
  return Float64Array.from(bounds);
}

function hasNaN(c: Float64Array): number {
  for (let i = 0; i < c.length; i++) if (Number.isNaN(c[i])) return 1;
  return 0;
}

/** Builds the bin mapper of a dataset (computed once per training). */
export function createBinMapper(x: Dataset, maxBin: number, minDataInBin = 3): BinMapper {
  const uppers = x.columns.map((c) => computeUppers(c, maxBin, minDataInBin));
  const numBins = Int32Array.from(uppers, (u) => u.length + 2);
  const offsets = new Int32Array(x.d);
  let total = 0;
  for (let j = 0; j < x.d; j++) {
    offsets[j] = total;
    total += numBins[j];
  }
  const hasMissing = Uint8Array.from(x.columns, hasNaN);
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
 * offsets[j] + bin) and column-major bins (feature j at j*n, for partitioning), both in shared
 * memory for the training worker: the wasm arena's when given, for the wasm kernels.
 */
export function binDataset(
  x: Dataset,
  mapper: BinMapper,
  arena?: WasmArena,
): { byRow: RowBins; byFeature: Uint8Array } {
  const { n, d } = x;
  const cells = Math.max(1, n * d);
  const wide = mapper.totalBins > 65_536;
  const byRow = arena
    ? wide
      ? arena.alloc(Uint32Array, cells)
      : arena.alloc(Uint16Array, cells)
    : wide
      ? new Uint32Array(new SharedArrayBuffer(cells * 4))
      : new Uint16Array(new SharedArrayBuffer(cells * 2));
  const byFeature = arena ? arena.alloc(Uint8Array, cells) : new Uint8Array(new SharedArrayBuffer(cells));
  const padded = new Float64Array(256);
  for (let j = 0; j < d; j++) {
    const col = x.columns[j];
    const up = mapper.uppers[j];
    const off = mapper.offsets[j];
    const out = byFeature.subarray(j * n, (j + 1) * n);
    if (up.length < 256) binColumn(col, up, padded, out);
    else for (let i = 0; i < n; i++) out[i] = binOf(up, col[i]);
    for (let i = 0; i < n; i++) byRow[i * d + j] = off + out[i];
  }
  return { byRow, byFeature };
}

/**
 * binOf for a whole column with at most 255 uppers: a fixed 8-step search over the uppers padded
 * with +Infinity, so the steps do not depend on the data (binOf's branches mispredict half the time).
 */
function binColumn(col: Float64Array, up: Float64Array, padded: Float64Array, out: Uint8Array): void {
  padded.fill(Number.POSITIVE_INFINITY);
  padded.set(up);
  const missing = up.length + 1;
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    // Counts the uppers below v, which is the first b with v <= uppers[b].
    let b = padded[127] < v ? 128 : 0;
    b += padded[b + 63] < v ? 64 : 0;
    b += padded[b + 31] < v ? 32 : 0;
    b += padded[b + 15] < v ? 16 : 0;
    b += padded[b + 7] < v ? 8 : 0;
    b += padded[b + 3] < v ? 4 : 0;
    b += padded[b + 1] < v ? 2 : 0;
    b += padded[b] < v ? 1 : 0;
    out[i] = Number.isNaN(v) ? missing : b;
  }
}
