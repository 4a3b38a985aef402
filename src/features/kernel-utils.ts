import { ConfigError } from '../core/index.js';

/** TA-Lib's TA_IS_ZERO tolerance, kept so zero-denominator branches match TA-Lib bit for bit. */
export const TA_EPSILON = 1e-8;

/** True when |v| is below TA-Lib's zero tolerance. */
export function isTaZero(v: number): boolean {
  return v > -TA_EPSILON && v < TA_EPSILON;
}

/**
 * Allocates a Float64Array of length n whose first `warm` entries are NaN (the warm-up marker); the kernel
 * writes every later entry, so filling only the prefix saves a pass over memory.
 */
export function nanArray(n: number, warm = n): Float64Array {
  return new Float64Array(n).fill(Number.NaN, 0, Math.min(Math.max(warm, 0), n));
}

/** Throws a ConfigError unless `n` is an integer period of at least `min`. */
export function assertPeriod(kernel: string, n: number, min = 1): void {
  if (!Number.isInteger(n) || n < min) {
    throw new ConfigError(`invalid period for ${kernel}`, [
      { path: `${kernel}.period`, message: `must be an integer >= ${min}`, value: n },
    ]);
  }
}

/** Index of the first non-NaN value, or -1; kernels start there so chained indicators seed correctly. */
export function firstDefined(x: Float64Array): number {
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) return i;
  return -1;
}

/**
 * Running sums drift by one rounding error per add/remove; recomputing the window sum from scratch every
 * RECOMPUTE_EVERY rows bounds the drift. The schedule depends only on the row index, so it stays causal.
 */
export const RECOMPUTE_EVERY = 1024;
