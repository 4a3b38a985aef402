/** a/b − 1 element-wise (NaN propagates, so warm-up rows stay NaN). */
export function ratioMinusOne(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] / b[i] - 1;
  return out;
}

/** a/b element-wise. */
export function divide(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] / b[i];
  return out;
}

/** a·k element-wise. */
export function scale(a: Float64Array, k: number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] * k;
  return out;
}

/** Index of the first row where every column is finite, or the row count when there is none. */
export function firstValidRow(columns: readonly Float64Array[], rows: number): number {
  for (let i = 0; i < rows; i++) {
    let all = true;
    for (const col of columns) {
      if (!Number.isFinite(col[i])) {
        all = false;
        break;
      }
    }
    if (all) return i;
  }
  return rows;
}
