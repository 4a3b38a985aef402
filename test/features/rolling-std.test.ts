import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/index.js';
import { bollinger, rollingStd } from '../../src/features/index.js';
import { naiveStd } from './helpers.js';

/** Prices near 3000 moving by about a thousandth: the hard case for sum-of-squares formulas. */
function pricesNear3000(n: number): Float64Array {
  const rng = createRng('std-precision');
  const x = new Float64Array(n);
  let p = 3000;
  for (let i = 0; i < n; i++) {
    p += 1e-3 * rng.normal();
    x[i] = p;
  }
  return x;
}

/** Worst relative error of a rolling std against the naive two-pass std of each window. */
function worstRelError(got: ArrayLike<number>, x: Float64Array, n: number, ddof: number): number {
  let worst = 0;
  for (let t = n - 1; t < x.length; t++) {
    const ref = naiveStd(x, t - n + 1, t, ddof);
    worst = Math.max(worst, Math.abs(got[t] - ref) / ref);
  }
  return worst;
}

describe('rolling std precision', () => {
  const x = pricesNear3000(50_000);

  it('stays within 1e-10 relative of a two-pass std on prices ~3000 (population and sample)', () => {
    expect(worstRelError(rollingStd(x, 20, 0), x, 20, 0)).toBeLessThan(1e-10);
    expect(worstRelError(rollingStd(x, 60, 1), x, 60, 1)).toBeLessThan(1e-10);
    const bb = bollinger(x, 20, 2);
    const halfWidth = Array.from(bb.upper, (u, i) => (u - bb.lower[i]) / 4);
    expect(worstRelError(halfWidth, x, 20, 0)).toBeLessThan(1e-8); // u − l of two ~3000 values loses ~5e-13 absolute
    // A strong trend (3000 → 5500) with the same tiny noise: shifted values drift away between re-anchors.
    const trend = x.map((v, i) => v + 0.05 * i);
    expect(worstRelError(rollingStd(trend, 20, 0), trend, 20, 0)).toBeLessThan(1e-10);
  });

  it('would fail for the naive running sum-of-squares formula (the test discriminates)', () => {
    const n = 20;
    const naive = new Float64Array(x.length).fill(Number.NaN);
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < x.length; i++) {
      s += x[i];
      s2 += x[i] * x[i];
      if (i >= n) {
        s -= x[i - n];
        s2 -= x[i - n] * x[i - n];
      }
      if (i >= n - 1) naive[i] = Math.sqrt(Math.max(s2 / n - (s / n) ** 2, 0));
    }
    expect(worstRelError(naive, x, n, 0)).toBeGreaterThan(1e-3);
  });

  it('is exactly 0 on a constant window and NaN before n−1', () => {
    const c = new Float64Array(30).fill(3000.1);
    const sd = rollingStd(c, 20, 0);
    expect(sd[18]).toBeNaN();
    expect(sd[19]).toBe(0);
    expect(sd[29]).toBe(0);
  });
});
