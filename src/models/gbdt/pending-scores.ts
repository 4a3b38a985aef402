/** Row bookkeeping of training: deferred score updates and the rows out of a bag. */

/** Adds each pending tree's leaf value to its class's scores, row by row. */
export function applyPending(
  scores: Float64Array,
  K: number,
  leafOf: Uint16Array[],
  pending: (Float64Array | undefined)[],
): void {
  for (let k = 0; k < K; k++) {
    const v = pending[k];
    if (!v) continue;
    const lk = leafOf[k];
    for (let i = 0, o = k; i < lk.length; i++, o += K) scores[o] += v[lk[i]];
    pending[k] = undefined;
  }
}

/** Writes the ids in [0, n) missing from the ascending `bag[0..count)` to `out`; returns how many. */
export function complementOf(bag: Uint32Array, count: number, n: number, out: Uint32Array): number {
  let m = 0;
  let q = 0;
  for (let i = 0; i < n; i++) {
    if (q < count && bag[q] === i) q++;
    else out[m++] = i;
  }
  return m;
}
