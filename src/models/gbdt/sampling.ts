import type { Rng } from '../../core/index.js';

/** Writes round(fraction·n) (at least 1) ascending row ids into `out` by selection sampling; returns the count. */
export function sampleRows(n: number, fraction: number, rng: Rng, out: Uint32Array): number {
  if (fraction >= 1) {
    for (let i = 0; i < n; i++) out[i] = i;
    return n;
  }
  const m = Math.max(1, Math.round(fraction * n));
  let taken = 0;
  for (let i = 0; i < n && taken < m; i++) {
    if (rng.next() * (n - i) < m - taken) out[taken++] = i;
  }
  return taken;
}

/** Writes round(fraction·d) (at least 1) ascending feature ids into `out`; returns the count. */
export function sampleFeatures(d: number, fraction: number, rng: Rng, out: Int32Array): number {
  const perm = new Int32Array(d);
  for (let j = 0; j < d; j++) perm[j] = j;
  const m = fraction >= 1 ? d : Math.max(1, Math.round(fraction * d));
  if (m < d) {
    for (let j = 0; j < m; j++) {
      const r = j + rng.int(d - j);
      const t = perm[j];
      perm[j] = perm[r];
      perm[r] = t;
    }
  }
  const chosen = perm.subarray(0, m).sort();
  out.set(chosen);
  return m;
}
