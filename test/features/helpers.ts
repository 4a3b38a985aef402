import { expect } from 'vitest';
import { createRng } from '../../src/core/index.js';
import { allocBars, type BarSeries } from '../../src/data/types.js';

const DAY = 86_400_000;
const MIN = 60_000;

export interface WalkOptions {
  /** Intraday 5-minute NSE-like bars (75 per weekday session, Asia/Kolkata) instead of daily bars. */
  intraday?: boolean;
  start?: number;
  price?: number;
  sigma?: number;
  /** Probability of a zero-volume bar. */
  zeroVolume?: number;
}

/** Seeded random-walk OHLCV bars (built here so the tests do not depend on src/data's generator). */
export function randomWalkBars(seed: number | string, n: number, o: WalkOptions = {}): BarSeries {
  const rng = createRng(seed);
  const bars = allocBars(`SYM${seed}`, 'Asia/Kolkata', n);
  const sigma = o.sigma ?? (o.intraday ? 0.002 : 0.015);
  let day = Date.UTC(2024, 0, 1);
  let k = 0;
  let prev = o.price ?? 1000;
  for (let i = 0; i < n; i++) {
    if (o.intraday) {
      while ([0, 6].includes(new Date(day).getUTCDay())) day += DAY;
      // 09:15 IST = 03:45 UTC.
      bars.ts[i] = day + 225 * MIN + k * 5 * MIN;
      if (++k === 75) {
        k = 0;
        day += DAY;
      }
    } else {
      bars.ts[i] = (o.start ?? Date.UTC(2020, 0, 1)) + i * DAY;
    }
    fillBar(bars, i, prev, sigma, rng.next, rng.normal, o.zeroVolume ?? 0.02);
    prev = bars.close[i];
  }
  return bars;
}

/** Writes one valid OHLCV bar at row i starting from the previous close. */
export function fillBar(
  b: BarSeries,
  i: number,
  prev: number,
  sigma: number,
  next: () => number,
  normal: () => number,
  zeroVolume: number,
): void {
  const open = prev * Math.exp(0.3 * sigma * normal());
  const close = open * Math.exp(sigma * normal());
  b.open[i] = open;
  b.close[i] = close;
  b.high[i] = Math.max(open, close) * (1 + Math.abs(normal()) * sigma * 0.5);
  b.low[i] = Math.min(open, close) * (1 - Math.abs(normal()) * sigma * 0.5);
  b.volume[i] = next() < zeroVolume ? 0 : Math.round(1000 * Math.exp(normal()));
}

/** Bars from explicit arrays (ts defaults to consecutive days). */
export function barsFrom(cols: {
  high: number[];
  low: number[];
  close: number[];
  open?: number[];
  volume?: number[];
  ts?: number[];
  tz?: string;
}): BarSeries {
  const n = cols.close.length;
  const b = allocBars('TEST', cols.tz ?? 'UTC', n);
  for (let i = 0; i < n; i++) {
    b.ts[i] = cols.ts?.[i] ?? Date.UTC(2020, 0, 1) + i * DAY;
    b.open[i] = cols.open?.[i] ?? cols.close[i];
    b.high[i] = cols.high[i];
    b.low[i] = cols.low[i];
    b.close[i] = cols.close[i];
    b.volume[i] = cols.volume?.[i] ?? 1;
  }
  return b;
}

/** Same NaN positions, and finite values equal within a relative tolerance. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (Number.isNaN(e)) {
      expect(a, `row ${i} should be NaN`).toBeNaN();
    } else {
      const err = Math.abs(a - e) / Math.max(1, Math.abs(e));
      expect(err, `row ${i}: got ${a}, expected ${e}`).toBeLessThanOrEqual(tol);
    }
  }
}

/** Index of the first non-NaN entry (−1 if none). */
export function firstNonNaN(x: ArrayLike<number>): number {
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) return i;
  return -1;
}

/** Naive two-pass std of x[from..to] inclusive. */
export function naiveStd(x: ArrayLike<number>, from: number, to: number, ddof: number): number {
  let m = 0;
  for (let j = from; j <= to; j++) m += x[j];
  m /= to - from + 1;
  let s = 0;
  for (let j = from; j <= to; j++) s += (x[j] - m) ** 2;
  return Math.sqrt(s / (to - from + 1 - ddof));
}

/** Runs `step(i)` for i = 0..n−1 (one streaming push per row) and collects the returned values. */
export function pushAll(n: number, step: (i: number) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = step(i);
  return out;
}

/** Bit-for-bit equality (Object.is per row, so NaN equals NaN and 0 differs from −0), naming the first miss. */
export function expectBitEqual(actual: ArrayLike<number>, expected: ArrayLike<number>, label = ''): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      expect.fail(`${label} row ${i}: got ${actual[i]}, expected ${expected[i]}`);
    }
  }
}
