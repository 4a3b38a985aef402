/**
 * Softmax of scores / T over one row, shared by the compiled tree scorer and GbdtStudent so both produce
 * bit-identical probabilities (same operations in the same order).
 */

/** Writes softmax((src[srcOff..srcOff+k) − max) · invT) into dst[dstOff..dstOff+k); allocates nothing. */
export function softmaxTemperatureInto(
  src: Float64Array,
  srcOff: number,
  k: number,
  invT: number,
  dst: Float64Array,
  dstOff: number,
): void {
  // Shifted by the max so exp never overflows.
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < k; c++) if (src[srcOff + c] > max) max = src[srcOff + c];
  let sum = 0;
  for (let c = 0; c < k; c++) {
    const e = Math.exp((src[srcOff + c] - max) * invT);
    dst[dstOff + c] = e;
    sum += e;
  }
  const inv = 1 / sum;
  for (let c = 0; c < k; c++) dst[dstOff + c] *= inv;
}
