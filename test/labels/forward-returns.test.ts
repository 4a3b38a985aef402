import { describe, expect, it } from 'vitest';
import { ConfigError, createRng, DataValidationError } from '../../src/core/index.js';
import type { BarSeries } from '../../src/data/types.js';
import { allocBars } from '../../src/data/types.js';
import { labelDistribution, labelForwardReturns, LONG, NOOP, SHORT } from '../../src/labels/index.js';

function bars(open: number[], close: number[]): BarSeries {
  const b = allocBars('TEST', 'Asia/Kolkata', open.length);
  b.open.set(open);
  b.close.set(close);
  for (let i = 0; i < open.length; i++) {
    b.ts[i] = i * 86_400_000;
    b.high[i] = Math.max(open[i], close[i]) + 1;
    b.low[i] = Math.min(open[i], close[i]) - 1;
    b.volume[i] = 1000 + i;
  }
  return b;
}

// horizon 2: r[t] = close[t+2] / open[t+1] − 1
//   t=0: close[2]/open[1] = 5/4  − 1 = +0.25 (exactly the threshold → LONG)
//   t=1: close[3]/open[2] = 6/8  − 1 = −0.25 (exactly −threshold → SHORT)
//   t=2: close[4]/open[3] = 12/10 − 1 = +0.20 (inside ±0.25 → NOOP)
//   t=3: close[5]/open[4] = 7/20 − 1 = −0.65 (→ SHORT)
//   t=4, t=5: t+2 > n−1 = 5 → excluded (2 rows)
const OPEN = [10, 4, 8, 10, 20, 5];
const CLOSE = [11, 9, 5, 6, 12, 7];

describe('labelForwardReturns', () => {
  it('labels a hand-computed series, thresholds inclusive', () => {
    const out = labelForwardReturns(bars(OPEN, CLOSE), { horizon: 2, minHoldingReturn: 0.25 });
    expect(Array.from(out.label)).toEqual([LONG, SHORT, NOOP, SHORT, -1, -1]);
    expect(Array.from(out.valid)).toEqual([1, 1, 1, 1, 0, 0]);
    expect(out.excluded).toBe(2);
    expect(out.forwardReturn[0]).toBe(0.25);
    expect(out.forwardReturn[1]).toBe(-0.25);
    expect(out.forwardReturn[2]).toBeCloseTo(0.2, 12);
    expect(out.forwardReturn[3]).toBeCloseTo(-0.65, 12);
    expect(Number.isNaN(out.forwardReturn[4])).toBe(true);
    expect(Number.isNaN(out.forwardReturn[5])).toBe(true);
  });

  it('a threshold just above |r| turns the boundary rows into NOOP', () => {
    const out = labelForwardReturns(bars(OPEN, CLOSE), { horizon: 2, minHoldingReturn: 0.2500001 });
    expect(Array.from(out.label.subarray(0, 4))).toEqual([NOOP, NOOP, NOOP, SHORT]);
  });

  it('horizon 1 uses the same bar for entry and exit (close[t+1]/open[t+1])', () => {
    // t=0: 9/4 − 1 = 1.25; t=1: 5/8 − 1 = −0.375; t=2: 6/10 − 1 = −0.4; t=3: 12/20 − 1 = −0.4;
    // t=4: 7/5 − 1 = 0.4; t=5 excluded.
    const out = labelForwardReturns(bars(OPEN, CLOSE), { horizon: 1, minHoldingReturn: 0.5 });
    expect(out.excluded).toBe(1);
    expect(Array.from(out.label)).toEqual([LONG, NOOP, NOOP, NOOP, NOOP, -1]);
    expect(out.forwardReturn[0]).toBe(1.25);
    expect(out.forwardReturn[1]).toBe(-0.375);
  });

  it('excludes every row when the horizon reaches past the data', () => {
    const out = labelForwardReturns(bars([1, 2, 3], [1, 2, 3]), { horizon: 3, minHoldingReturn: 0 });
    expect(out.excluded).toBe(3);
    expect(Array.from(out.valid)).toEqual([0, 0, 0]);
    expect(Array.from(out.label)).toEqual([-1, -1, -1]);
    const empty = labelForwardReturns(bars([], []), { horizon: 1, minHoldingReturn: 0 });
    expect(empty.excluded).toBe(0);
    expect(empty.label.length).toBe(0);
  });

  it('label at t depends on open[t+1] and close[t+h] only', () => {
    const rng = createRng('labels-causality');
    const n = 60;
    const h = 5;
    const open = Array.from({ length: n }, () => 100 + 10 * rng.next());
    const close = Array.from({ length: n }, () => 100 + 10 * rng.next());
    const base = labelForwardReturns(bars(open, close), { horizon: h, minHoldingReturn: 0.02 });
    for (const t of [0, 7, 30, n - 1 - h]) {
      const b = bars(open, close);
      for (let i = 0; i < n; i++) {
        if (i !== t + 1) b.open[i] *= 0.5 + rng.next();
        if (i !== t + h) b.close[i] *= 0.5 + rng.next();
        b.high[i] *= 2;
        b.low[i] *= 0.1;
        b.volume[i] = 0;
      }
      const out = labelForwardReturns(b, { horizon: h, minHoldingReturn: 0.02 });
      expect(out.forwardReturn[t]).toBe(base.forwardReturn[t]);
      expect(out.label[t]).toBe(base.label[t]);
      // Control: the two bars that do matter move the result, so the check above can fail.
      b.open[t + 1] *= 1.5;
      b.close[t + h] *= 0.7;
      const moved = labelForwardReturns(b, { horizon: h, minHoldingReturn: 0.02 });
      expect(moved.forwardReturn[t]).not.toBe(base.forwardReturn[t]);
    }
  });

  it('rejects invalid options with a ConfigError naming the key', () => {
    const b = bars(OPEN, CLOSE);
    for (const horizon of [0, -1, 1.5, Number.NaN]) {
      const call = () => labelForwardReturns(b, { horizon, minHoldingReturn: 0.01 });
      expect(call).toThrow(ConfigError);
      expect(call).toThrow(/horizon/);
    }
    for (const minHoldingReturn of [-0.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      const call = () => labelForwardReturns(b, { horizon: 2, minHoldingReturn });
      expect(call).toThrow(ConfigError);
      expect(call).toThrow(/minHoldingReturn/);
    }
  });

  it('rejects a non-positive entry price instead of labelling from it', () => {
    const b = bars([1, 0, 2, 3], [1, 1, 2, 3]);
    expect(() => labelForwardReturns(b, { horizon: 1, minHoldingReturn: 0 })).toThrow(DataValidationError);
  });
});

describe('labelDistribution', () => {
  it('counts valid rows per class', () => {
    const out = labelForwardReturns(bars(OPEN, CLOSE), { horizon: 2, minHoldingReturn: 0.25 });
    // labels [LONG, SHORT, NOOP, SHORT, −1, −1] → LONG 1, SHORT 2, NOOP 1
    expect(labelDistribution(out.label, out.valid)).toEqual({ LONG: 1, SHORT: 2, NOOP: 1 });
  });

  it('ignores rows marked invalid even if they carry a class', () => {
    const label = Int8Array.from([LONG, LONG, SHORT, NOOP]);
    const valid = Uint8Array.from([1, 0, 1, 0]);
    expect(labelDistribution(label, valid)).toEqual({ LONG: 1, SHORT: 1, NOOP: 0 });
  });
});
