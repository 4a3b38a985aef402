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

describe('labelForwardReturns intraday (sessionTz)', () => {
  // Two local sessions of 6 hourly bars in Pacific/Auckland (UTC+13 in January): 10:00–15:00 local on
  // Mon 15 and Tue 16 Jan 2024. Each local session spans two UTC dates (10:00 NZDT = 21:00 UTC the day
  // before), so sessions cut by UTC date would be wrong.
  const tz = 'Pacific/Auckland';
  const ts = [
    ...Array.from({ length: 6 }, (_, k) => Date.UTC(2024, 0, 14, 21 + k)),
    ...Array.from({ length: 6 }, (_, k) => Date.UTC(2024, 0, 15, 21 + k)),
  ];
  const close = [11, 9, 12, 10, 13, 8, 10, 12, 9, 11, 10, 14];
  const b = bars(Array(12).fill(10), close);
  b.ts.set(ts);

  it('labels only rows whose exit bar is in their own local session, and counts the others', () => {
    // horizon 2: session A rows 0..3 exit at 2..5 (same session); rows 4, 5 exit at 6, 7 (next session);
    // session B rows 6..9 exit in B; rows 10, 11 run past the data.
    const intraday = labelForwardReturns(b, { horizon: 2, minHoldingReturn: 0.05, sessionTz: tz });
    expect(Array.from(intraday.valid)).toEqual([1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0]);
    expect(intraday.crossesSession).toBe(2);
    expect(intraday.excluded).toBe(2);
    // The labels kept are the swing labels: r = close[t+2] / 10 − 1, ±5 % thresholds.
    // t=0: 12/10 → LONG; t=1: 10/10 → NOOP; t=2: 13/10 → LONG; t=3: 8/10 → SHORT;
    // t=6: 9/10 → SHORT; t=7: 11/10 → LONG; t=8: 10/10 → NOOP; t=9: 14/10 → LONG.
    expect(Array.from(intraday.label)).toEqual([
      LONG,
      NOOP,
      LONG,
      SHORT,
      -1,
      -1,
      SHORT,
      LONG,
      NOOP,
      LONG,
      -1,
      -1,
    ]);
  });

  it('without sessionTz (swing) windows span the session close', () => {
    const swing = labelForwardReturns(b, { horizon: 2, minHoldingReturn: 0.05 });
    expect(Array.from(swing.valid)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
    expect(swing.crossesSession).toBe(0);
    // t=4: close[6]/10 = 1.0 → NOOP; t=5: close[7]/10 = 1.2 → LONG
    expect([swing.label[4], swing.label[5]]).toEqual([NOOP, LONG]);
  });

  it('sessions are local dates of the given timezone, not UTC dates', () => {
    // Read in UTC, session A splits at 00:00 UTC (its 4th bar), so rows 1 and 2 would cross.
    const utc = labelForwardReturns(b, { horizon: 2, minHoldingReturn: 0.05, sessionTz: 'UTC' });
    expect(Array.from(utc.valid)).toEqual([1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 0, 0]);
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
