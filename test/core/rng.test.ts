import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/index.js';

describe('createRng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xa = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xa);
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(xa);
  });

  it('forks are independent of how much the parent has drawn', () => {
    const a = createRng(1);
    const b = createRng(1);
    for (let i = 0; i < 50; i++) b.next();
    expect(a.fork('x').next()).toBe(b.fork('x').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });

  it('draws uniforms in [0,1) and standard normals with the right moments', () => {
    const r = createRng('moments');
    const n = 200_000;
    let min = 1;
    let max = 0;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      min = Math.min(min, u);
      max = Math.max(max, u);
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // Mean 0 ± 4 standard errors (1/√n ≈ 0.0022); variance 1 ± 4·√(2/n) ≈ 0.013.
    expect(Math.abs(s / n)).toBeLessThan(0.009);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.013);
  });

  it('int(n) covers 0..n-1 uniformly', () => {
    const r = createRng(7);
    const counts = new Array(5).fill(0);
    for (let i = 0; i < 50_000; i++) counts[r.int(5)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });
});
