import { ConfigError } from '../core/index.js';

/** Options of the SMA crossover baseline. */
export interface SmaCrossoverOptions {
  /** Fast window in bars (default 20). */
  fast?: number;
  /** Slow window in bars (default 50). */
  slow?: number;
  /** Map "fast below slow" to −1 (default true) instead of flat. */
  allowShort?: boolean;
}

/**
 * Rule baseline: target +1 while SMA(fast) > SMA(slow) of closes ≤ t, −1 (or 0) while below, 0 on a tie
 * and during the first slow − 1 warm-up bars. Running sums make it O(n); ties are judged with a
 * relative tolerance of 1e-12 so summation noise cannot flip a flat market into a position.
 */
export function smaCrossoverTarget(close: Float64Array, opts: SmaCrossoverOptions = {}): Int8Array {
  const fast = opts.fast ?? 20;
  const slow = opts.slow ?? 50;
  const short = (opts.allowShort ?? true) ? -1 : 0;
  if (!Number.isInteger(fast) || !Number.isInteger(slow) || fast < 1 || slow <= fast) {
    throw new ConfigError('smaCrossoverTarget: need integer windows 1 ≤ fast < slow', [
      { path: 'fast/slow', message: 'invalid windows', value: { fast, slow }, fix: 'e.g. fast 20, slow 50' },
    ]);
  }
  const n = close.length;
  const out = new Int8Array(n);
  let sumF = 0;
  let sumS = 0;
  for (let t = 0; t < n; t++) {
    const c = close[t];
    sumF += c;
    sumS += c;
    if (t >= fast) sumF -= close[t - fast];
    if (t >= slow) sumS -= close[t - slow];
    if ((t & 1023) === 1023) {
      // Re-sum the windows now and then so rounding drift of the running sums stays bounded on long series.
      sumF = 0;
      sumS = 0;
      for (let k = Math.max(0, t - fast + 1); k <= t; k++) sumF += close[k];
      for (let k = Math.max(0, t - slow + 1); k <= t; k++) sumS += close[k];
    }
    if (t < slow - 1) continue;
    const f = sumF / fast;
    const s = sumS / slow;
    const tol = 1e-12 * Math.abs(s);
    out[t] = f - s > tol ? 1 : s - f > tol ? short : 0;
  }
  return out;
}
