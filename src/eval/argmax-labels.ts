/** Predicted class per row of a row-major n×K matrix; ties go to the lowest index (as numpy argmax). */
export function argmaxLabels(proba: Float64Array, K: number): Int32Array {
  const n = Math.floor(proba.length / K);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * K;
    let best = 0;
    let bestP = proba[base];
    for (let k = 1; k < K; k++) {
      if (proba[base + k] > bestP) {
        bestP = proba[base + k];
        best = k;
      }
    }
    out[i] = best;
  }
  return out;
}
