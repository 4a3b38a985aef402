import { describe, expect, it } from 'vitest';
import { normalCdf, normalInv, normalPdf } from '../../src/backtest/index.js';

// Reference values: standard tables / mpmath at 30 digits (e.g. scipy.stats.norm.ppf(0.975)).
describe('normal distribution', () => {
  it('inverse CDF matches known quantiles to ~1e-12', () => {
    const cases: [number, number][] = [
      [0.975, 1.959963984540054],
      [0.025, -1.959963984540054],
      [0.5, 0],
      [0.99, 2.3263478740408408],
      [0.999, 3.090232306167813],
      [0.8413447460685429, 1],
      [1e-10, -6.361340902404056],
    ];
    for (const [p, x] of cases)
      expect(Math.abs(normalInv(p) - x)).toBeLessThan(1e-12 * Math.max(1, Math.abs(x)));
    expect(normalInv(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalInv(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalInv(1.5)).toBeNaN();
  });

  it('CDF matches known values, including the far lower tail', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 15);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 15);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316300946, 16);
    expect(normalCdf(-8) / 6.220960574271784e-16).toBeCloseTo(1, 7);
    expect(normalPdf(0)).toBeCloseTo(0.3989422804014327, 16);
  });

  it('CDF and inverse CDF are inverses', () => {
    for (let p = 0.001; p < 1; p += 0.0137) expect(normalCdf(normalInv(p))).toBeCloseTo(p, 14);
  });
});
