/**
 * Stable partition of rows[from..to) on one feature's bins: rows whose bin has goLeft = 1 are
 * compacted in order to rows[from..), the others are written in order to tmp[from..). Returns how
 * many went left. Run by the histogram worker too (histogram-worker-source.ts embeds its source), so
 * it must stay self-contained.
 */
export function partitionRows(
  rows: Uint32Array,
  tmp: Uint32Array,
  from: number,
  to: number,
  binsByFeature: Uint8Array,
  col: number,
  goLeft: Uint8Array,
): number {
  let l = from;
  let t = from;
  // Branch-free: a 50/50 data-dependent branch would mispredict on every other row.
  for (let q = from; q < to; q++) {
    const r = rows[q];
    const toLeft = goLeft[binsByFeature[col + r]];
    rows[l] = r;
    tmp[t] = r;
    l += toLeft;
    t += 1 - toLeft;
  }
  return l - from;
}
