/**
 * Bin boundaries the way LightGBM finds them (src/io/bin.cpp: GreedyFindBin, FindBinWithZeroAsOneBin),
 * so the same data and max_bin give the same bins as the reference implementation: zero is a bin of
 * its own, negatives and positives share the other bins in proportion to their counts, and a bin
 * holds at least `minDataInBin` sampled values. Upper bounds are midpoints between the last value of
 * a bin and the first of the next; unlike LightGBM they are not nudged up by one ulp (only values
 * that fall exactly on a midpoint, which no training value does, could be binned differently).
 */

/** LightGBM's kZeroThreshold (1e-35 rounded to a float): |x| <= it is zero. */
export const ZERO_THRESHOLD = Math.fround(1e-35);

/** Midpoint of a < b that is finite and separates them (JSON holds no infinities). */
export function finiteMid(a: number, b: number): number {
  const m = a + (b - a) / 2;
  if (Number.isFinite(m) && m >= a && m < b) return m;
  return Number.isFinite(a) ? a : -Number.MAX_VALUE;
}

/** Appends a bound unless it does not exceed the previous one. */
function pushBound(bounds: number[], v: number): void {
  if (bounds.length === 0 || v > bounds[bounds.length - 1]) bounds.push(v);
}

/**
 * Finite upper bounds of at most `maxBin` bins over the distinct sorted `values[from..to)` with
 * `counts`, `total` values in all (LightGBM's GreedyFindBin without its final +Infinity): one bin per
 * value when they are few, otherwise equal-frequency bins where a value holding at least a bin's share
 * gets a bin of its own.
 */
export function greedyFindBin(
  values: Float64Array,
  counts: Int32Array,
  from: number,
  to: number,
  maxBin: number,
  total: number,
  minDataInBin: number,
): number[] {
  const bounds: number[] = [];
  const num = to - from;
  if (num <= maxBin) {
    let cur = 0;
    for (let i = from; i < to - 1; i++) {
      cur += counts[i];
      if (cur >= minDataInBin) {
        pushBound(bounds, finiteMid(values[i], values[i + 1]));
        cur = 0;
      }
    }
    return bounds;
  }
  if (minDataInBin > 0) maxBin = Math.max(1, Math.min(maxBin, Math.floor(total / minDataInBin)));
  let meanBinSize = total / maxBin;
  let restBinCnt = maxBin;
  let restSampleCnt = total;
  const isBig = new Uint8Array(num);
  for (let i = 0; i < num; i++) {
    if (counts[from + i] >= meanBinSize) {
      isBig[i] = 1;
      restBinCnt--;
      restSampleCnt -= counts[from + i];
    }
  }
  meanBinSize = restSampleCnt / restBinCnt;
  // Bin b spans [lower[b], upper[b]] over distinct values.
  const upper: number[] = [];
  const lower: number[] = [values[from]];
  let cur = 0;
  for (let i = 0; i < num - 1; i++) {
    const c = counts[from + i];
    if (isBig[i] === 0) restSampleCnt -= c;
    cur += c;
    if (
      isBig[i] === 1 ||
      cur >= meanBinSize ||
      (isBig[i + 1] === 1 && cur >= Math.max(1, meanBinSize * 0.5))
    ) {
      upper.push(values[from + i]);
      lower.push(values[from + i + 1]);
      if (upper.length >= maxBin - 1) break;
      cur = 0;
      if (isBig[i] === 0) {
        restBinCnt--;
        meanBinSize = restSampleCnt / restBinCnt;
      }
    }
  }
  for (let b = 0; b < upper.length; b++) pushBound(bounds, finiteMid(upper[b], lower[b + 1]));
  return bounds;
}

/**
 * Finite upper bounds of at most `maxBin` bins for the sorted distinct non-zero values (LightGBM's
 * FindBinWithZeroAsOneBin without its final +Infinity): zeros, which are left out of `values`, have
 * the bin (−ZERO_THRESHOLD, ZERO_THRESHOLD], present whenever there are negatives or positives, and
 * the negatives get a share of the other bins proportional to their count.
 */
export function zeroAsOneBinBounds(
  values: Float64Array,
  counts: Int32Array,
  maxBin: number,
  minDataInBin: number,
): number[] {
  const num = values.length;
  let leftEnd = 0;
  let leftCount = 0;
  let rightCount = 0;
  while (leftEnd < num && values[leftEnd] < 0) leftCount += counts[leftEnd++];
  for (let i = leftEnd; i < num; i++) rightCount += counts[i];
  let bounds: number[] = [];
  if (leftEnd > 0 && maxBin > 1) {
    // Truncated like LightGBM's static_cast<int>.
    const leftMaxBin = Math.max(1, Math.trunc((leftCount / (leftCount + rightCount)) * (maxBin - 1)));
    bounds = greedyFindBin(values, counts, 0, leftEnd, leftMaxBin, leftCount, minDataInBin);
    bounds.push(-ZERO_THRESHOLD);
  }
  const rightMaxBin = maxBin - 1 - bounds.length;
  if (leftEnd < num && rightMaxBin > 0) {
    bounds.push(ZERO_THRESHOLD);
    for (const b of greedyFindBin(values, counts, leftEnd, num, rightMaxBin, rightCount, minDataInBin))
      bounds.push(b);
  }
  return bounds;
}
