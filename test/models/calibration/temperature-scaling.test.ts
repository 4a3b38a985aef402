import { describe, expect, it } from 'vitest';
import { ConfigError, createRng } from '../../../src/core/index.js';
import { applyTemperature, fitTemperature, temperatureNll } from '../../../src/models/calibration/index.js';

/** n rows of true logits z (3 classes) and labels drawn from softmax(z). */
function calibratedSample(n: number, seed: string): { z: Float64Array; y: Int32Array } {
  const rng = createRng(seed);
  const z = new Float64Array(n * 3);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 3; c++) z[i * 3 + c] = 1.5 * rng.normal();
    const e = [0, 1, 2].map((c) => Math.exp(z[i * 3 + c]));
    const s = e[0] + e[1] + e[2];
    const u = rng.next() * s;
    y[i] = u < e[0] ? 0 : u < e[0] + e[1] ? 1 : 2;
  }
  return { z, y };
}

describe('applyTemperature', () => {
  it('is softmax(logits / T) (hand-computed)', () => {
    // softmax([0.5, 1, 1.5]) worked out by hand / Python.
    const p = applyTemperature(Float64Array.of(1, 2, 3, 0, 0, 0), 2, 3);
    expect(p[0]).toBeCloseTo(0.1863237232258476, 14);
    expect(p[1]).toBeCloseTo(0.3071958857184984, 14);
    expect(p[2]).toBeCloseTo(0.506480391055654, 14);
    expect([...p.subarray(3)]).toEqual([1 / 3, 1 / 3, 1 / 3].map((v) => expect.closeTo(v, 15)));
    expect([...applyTemperature(Float64Array.of(1000, 0, -1000), 1, 3)]).toEqual([1, 0, 0]);
  });

  it('rejects non-positive temperatures and ragged logits', () => {
    expect(() => applyTemperature(Float64Array.of(1, 2, 3), 0, 3)).toThrow(ConfigError);
    expect(() => applyTemperature(Float64Array.of(1, 2), 1, 3)).toThrow(ConfigError);
  });
});

describe('fitTemperature', () => {
  const { z, y } = calibratedSample(20_000, 'calibration');

  it('finds T ≈ 3 for logits that are 3× over-confident and lowers the NLL', () => {
    const over = Float64Array.from(z, (v) => 3 * v);
    const fit = fitTemperature(over, y, 3);
    expect(fit.temperature).toBeGreaterThan(1);
    expect(fit.temperature).toBeGreaterThan(2.7);
    expect(fit.temperature).toBeLessThan(3.3);
    expect(fit.nllAfter).toBeLessThan(fit.nllBefore - 0.1);
    // After scaling, the NLL is as good as that of the true probabilities (up to sampling noise).
    expect(fit.nllAfter).toBeLessThanOrEqual(temperatureNll(z, y, 3, 1) + 1e-9);
    expect(fit.nllAfter).toBeCloseTo(temperatureNll(z, y, 3, 1), 3);
  });

  it('finds T ≈ 1 for calibrated logits', () => {
    const fit = fitTemperature(z, y, 3);
    expect(Math.abs(fit.temperature - 1)).toBeLessThan(0.05);
    expect(fit.nllAfter).toBeLessThanOrEqual(fit.nllBefore);
  });

  it('finds T < 1 for under-confident logits', () => {
    const under = Float64Array.from(z, (v) => v / 2);
    expect(fitTemperature(under, y, 3).temperature).toBeLessThan(0.6);
  });

  it('agrees with a brute-force grid search (independent minimiser)', () => {
    const logits = Float64Array.from(z.subarray(0, 6000), (v) => 1.7 * v);
    const labels = y.subarray(0, 2000);
    let bestT = 1;
    let bestNll = Number.POSITIVE_INFINITY;
    for (let t = 0.5; t <= 4; t += 0.001) {
      const v = temperatureNll(logits, labels, 3, t);
      if (v < bestNll) {
        bestNll = v;
        bestT = t;
      }
    }
    const fit = fitTemperature(logits, labels, 3);
    expect(fit.temperature).toBeCloseTo(bestT, 2);
    expect(fit.nllAfter).toBeLessThanOrEqual(bestNll + 1e-9);
  });

  it('validates its inputs', () => {
    expect(() => fitTemperature(Float64Array.of(1, 2, 3), Int32Array.of(3), 3)).toThrow(ConfigError);
    expect(() => fitTemperature(Float64Array.of(1, 2, 3), Int32Array.of(0, 1), 3)).toThrow(ConfigError);
    expect(() => fitTemperature(new Float64Array(0), new Int32Array(0), 3)).toThrow(ConfigError);
    expect(() => fitTemperature(Float64Array.of(1, Number.NaN, 3), Int32Array.of(0), 3)).toThrow(ConfigError);
  });
});
