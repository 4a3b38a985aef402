import { describe, expect, it } from 'vitest';
import { signalsToPositions, smaCrossoverTarget } from '../../src/backtest/index.js';
import { ConfigError, createRng, DataValidationError } from '../../src/core/index.js';
import { LONG, NOOP, SHORT } from '../../src/labels/classes.js';

describe('signalsToPositions', () => {
  it('maps classes to targets, acting only at confidence ≥ threshold', () => {
    const pred = new Int8Array([LONG, SHORT, NOOP, LONG, SHORT, LONG]);
    const conf = new Float64Array([0.9, 0.8, 0.99, 0.5, Number.NaN, 0.6]);
    // 0.9 ≥ 0.6 → +1; 0.8 → −1; NOOP → 0; 0.5 < 0.6 → 0; NaN → 0; 0.6 = threshold → +1
    expect(Array.from(signalsToPositions(pred, conf, { threshold: 0.6 }))).toEqual([1, -1, 0, 0, 0, 1]);
    expect(Array.from(signalsToPositions(pred, conf, { threshold: 0.6, allowShort: false }))).toEqual([
      1, 0, 0, 0, 0, 1,
    ]);
    expect(() => signalsToPositions(pred, new Float64Array(2), { threshold: 0 })).toThrow(
      DataValidationError,
    );
  });
});

describe('smaCrossoverTarget', () => {
  it('follows the fast/slow crossover of closes ≤ t, by hand', () => {
    // fast 2, slow 3, closes [1, 2, 3, 2, 1, 1]:
    // t=0,1 warm-up → 0
    // t=2: fast (2+3)/2 = 2.5 > slow (1+2+3)/3 = 2      → +1
    // t=3: fast (3+2)/2 = 2.5 > slow (2+3+2)/3 = 2.333  → +1
    // t=4: fast (2+1)/2 = 1.5 < slow (3+2+1)/3 = 2      → −1
    // t=5: fast (1+1)/2 = 1   < slow (2+1+1)/3 = 1.333  → −1
    const close = new Float64Array([1, 2, 3, 2, 1, 1]);
    expect(Array.from(smaCrossoverTarget(close, { fast: 2, slow: 3 }))).toEqual([0, 0, 1, 1, -1, -1]);
    expect(Array.from(smaCrossoverTarget(close, { fast: 2, slow: 3, allowShort: false }))).toEqual([
      0, 0, 1, 1, 0, 0,
    ]);
  });

  it('is flat on a constant price and matches a naive 20/50 recomputation on a long random walk', () => {
    expect(Array.from(smaCrossoverTarget(new Float64Array(80).fill(100.1))).every((x) => x === 0)).toBe(true);
    const rng = createRng('walk');
    const n = 5000;
    const close = new Float64Array(n);
    let p = 1000;
    for (let i = 0; i < n; i++) {
      p *= 1 + 0.01 * rng.normal();
      close[i] = p;
    }
    const got = smaCrossoverTarget(close);
    for (let t = 0; t < n; t++) {
      let want = 0;
      if (t >= 49) {
        let f = 0;
        let s = 0;
        for (let k = t - 19; k <= t; k++) f += close[k];
        for (let k = t - 49; k <= t; k++) s += close[k];
        want = f / 20 > s / 50 ? 1 : f / 20 < s / 50 ? -1 : 0;
      }
      expect(got[t]).toBe(want);
    }
    expect(() => smaCrossoverTarget(close, { fast: 50, slow: 20 })).toThrow(ConfigError);
  });
});
