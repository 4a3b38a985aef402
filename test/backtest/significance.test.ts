import { describe, expect, it } from 'vitest';
import {
  bootstrapSharpeUplift,
  defaultMeanBlock,
  sharpeRobustness,
  stationaryBootstrapIndices,
} from '../../src/backtest/index.js';
import { createRng, DataValidationError } from '../../src/core/index.js';

function noise(n: number, seed: string, sd = 0.01): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = sd * rng.normal();
  return out;
}

describe('stationary bootstrap', () => {
  it('default mean block is round(n^(1/3))', () => {
    expect(defaultMeanBlock(1000)).toBe(10);
    expect(defaultMeanBlock(58_500)).toBe(39); // ∛58500 = 38.8
    expect(defaultMeanBlock(1)).toBe(1);
  });

  it('starts a new block with probability 1/b and wraps circularly', () => {
    const n = 100_000;
    const idx = stationaryBootstrapIndices(n, 10, createRng(1));
    let starts = 1;
    let outOfRange = 0;
    for (let t = 1; t < n; t++) {
      if (idx[t] < 0 || idx[t] >= n) outOfRange++;
      if (idx[t] !== (idx[t - 1] + 1) % n) starts++;
    }
    expect(outOfRange).toBe(0);
    // Expected ≈ n/b = 10,000 starts (binomial sd ≈ 95), a few coincide with the next index.
    expect(starts).toBeGreaterThan(9_600);
    expect(starts).toBeLessThan(10_400);
    // With an effectively infinite block the path is one block that wraps from n − 1 to 0.
    const one = stationaryBootstrapIndices(7, 1e12, createRng(5));
    const s0 = one[0];
    expect(Array.from(one)).toEqual([0, 1, 2, 3, 4, 5, 6].map((k) => (s0 + k) % 7));
  });
});

describe('bootstrapSharpeUplift', () => {
  it('is deterministic under a seed', () => {
    const c = noise(400, 'c');
    const b = noise(400, 'b');
    const a1 = bootstrapSharpeUplift(c, b, { seed: 42, resamples: 300 });
    const a2 = bootstrapSharpeUplift(c, b, { seed: 42, resamples: 300 });
    const other = bootstrapSharpeUplift(c, b, { seed: 43, resamples: 300 });
    expect(a2).toEqual(a1);
    expect(other.pValue === a1.pValue && other.ciLow === a1.ciLow).toBe(false);
    expect(a1.meanBlock).toBe(7); // round(∛400) = round(7.37)
  });

  it('keeps the bootstrap distribution on request: sorted, scaled, and it reproduces p and the interval', () => {
    const c = noise(250, 'dist-c', 0.012);
    const b = noise(250, 'dist-b');
    for (let i = 0; i < 250; i++) c[i] += 0.002;
    const plain = bootstrapSharpeUplift(c, b, { seed: 3, resamples: 400, periodsPerYear: 252 });
    const kept = bootstrapSharpeUplift(c, b, {
      seed: 3,
      resamples: 400,
      periodsPerYear: 252,
      keepDistribution: true,
    });
    expect(plain.distribution).toBeUndefined();
    const { distribution, ...rest } = kept;
    expect(rest).toEqual(plain);
    const d = distribution as Float64Array;
    expect(d).toHaveLength(400);
    for (let k = 1; k < d.length; k++) expect(d[k]).toBeGreaterThanOrEqual(d[k - 1]);
    // p = (1 + #{Δ*ₖ − Δ̂ ≥ Δ̂}) / (B + 1), recounted from the returned distribution (same scale as Δ̂).
    const extreme = Array.from(d).filter((x) => x - kept.uplift >= kept.uplift - 1e-12).length;
    expect(kept.pValue).toBeCloseTo((1 + extreme) / 401, 12);
    // 2.5 % percentile by linear interpolation at position 0.025·399 = 9.975.
    expect(kept.ciLow).toBeCloseTo(d[9] + 0.975 * (d[10] - d[9]), 10);
  });

  it('identical series give uplift 0 and p = 1', () => {
    const x = noise(300, 'same');
    const res = bootstrapSharpeUplift(x, x, { seed: 1, resamples: 200 });
    expect(res.uplift).toBe(0);
    expect(res.pValue).toBe(1);
  });

  it('a strongly better candidate gets a small p, a strongly worse one a large p', () => {
    // Same noise, candidate shifted up by 0.5 sd per bar: per-bar SR uplift ≈ 0.5, far beyond bootstrap noise.
    const b = noise(500, 'base');
    const c = b.map((x) => x + 0.005);
    const better = bootstrapSharpeUplift(c, b, { seed: 3, resamples: 500 });
    expect(better.uplift).toBeGreaterThan(0.4);
    expect(better.pValue).toBeLessThan(0.01);
    expect(better.ciLow).toBeGreaterThan(0);
    const worse = bootstrapSharpeUplift(b, c, { seed: 3, resamples: 500 });
    expect(worse.pValue).toBeGreaterThan(0.99);
  });

  it('annualises the reported uplift but not the p-value', () => {
    const b = noise(200, 'x');
    const c = noise(200, 'y');
    const perBar = bootstrapSharpeUplift(c, b, { seed: 9, resamples: 100 });
    const annual = bootstrapSharpeUplift(c, b, { seed: 9, resamples: 100, periodsPerYear: 252 });
    expect(annual.uplift).toBeCloseTo(perBar.uplift * Math.sqrt(252), 12);
    expect(annual.pValue).toBe(perBar.pValue);
  });

  it('rejects unpaired input', () => {
    expect(() => bootstrapSharpeUplift([0.1, 0.2, 0.3], [0.1, 0.2])).toThrow(DataValidationError);
  });
});

describe('sharpeRobustness', () => {
  it('is the share of symbols with candidate Sharpe strictly above baseline', () => {
    // 1 > 0.5 ✓, 2 = 2 ✗, 0.5 < 1 ✗, NaN ✗ → 1/4
    expect(sharpeRobustness([1, 2, 0.5, Number.NaN], [0.5, 2, 1, 0])).toBe(0.25);
    expect(sharpeRobustness([], [])).toBe(0);
    expect(() => sharpeRobustness([1], [])).toThrow(DataValidationError);
  });
});
