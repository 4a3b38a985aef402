import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/index.js';
import {
  adx,
  atr,
  bollinger,
  ema,
  logReturn,
  macd,
  obv,
  rollingVolatility,
  rsi,
  sma,
  trueRange,
} from '../../src/features/index.js';
import { expectClose, naiveStd, randomWalkBars } from './helpers.js';

const N = Number.NaN;
const f64 = (xs: number[]) => Float64Array.from(xs);
const oneToTen = f64([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

/** Naive EMA: seed = mean of the first n defined values, then e ← e + α(x − e). */
function naiveEma(x: ArrayLike<number>, n: number): number[] {
  const out = Array.from({ length: x.length }, () => N);
  let s = 0;
  while (s < x.length && Number.isNaN(x[s])) s++;
  if (s + n > x.length) return out;
  let e = 0;
  for (let j = s; j < s + n; j++) e += x[j] / n;
  out[s + n - 1] = e;
  for (let t = s + n; t < x.length; t++) {
    e += (2 / (n + 1)) * (x[t] - e);
    out[t] = e;
  }
  return out;
}

describe('sma / ema', () => {
  it('SMA(3) of 1..10 is the window midpoint from index 2', () => {
    // (1+2+3)/3 = 2, (2+3+4)/3 = 3, ...
    expectClose(sma(oneToTen, 3), [N, N, 2, 3, 4, 5, 6, 7, 8, 9], 0);
  });

  it('EMA(4) of 1..10 is seeded with SMA(1..4) = 2.5 at index 3 and lags linear data by 1.5', () => {
    // α = 0.4: 2.5 + 0.4·(5 − 2.5) = 3.5, 3.5 + 0.4·(6 − 3.5) = 4.5, ...
    expectClose(ema(oneToTen, 4), [N, N, N, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5], 1e-15);
  });

  it('EMA(3) on a non-linear series (seed by SMA, not by the first value)', () => {
    // seed (2+4+6)/3 = 4; α = 0.5: (4+8)/2 = 6, (6+12)/2 = 9, (9+14)/2 = 11.5, (11.5+16)/2 = 13.75,
    // (13.75+18)/2 = 15.875, (15.875+20)/2 = 17.9375, (17.9375+10)/2 = 13.96875
    const x = f64([2, 4, 6, 8, 12, 14, 16, 18, 20, 10]);
    expectClose(ema(x, 3), [N, N, 4, 6, 9, 11.5, 13.75, 15.875, 17.9375, 13.96875], 0);
  });

  it('EMA of a series with leading NaN seeds at the first defined window', () => {
    const x = f64([N, N, 2, 4, 6, 8]);
    // seed (2+4+6)/3 = 4 at index 4; then (4+8)/2 = 6
    expectClose(ema(x, 3), [N, N, N, N, 4, 6], 0);
  });

  it('rejects invalid periods with a ConfigError', () => {
    expect(() => sma(oneToTen, 0)).toThrow(ConfigError);
    expect(() => ema(oneToTen, 2.5)).toThrow(ConfigError);
  });

  it('SMA matches a per-window sum over a long series (beyond the recompute interval)', () => {
    const c = randomWalkBars(7, 3000).close;
    const expected = Array.from(c, (_, t) =>
      t < 49 ? N : c.slice(t - 49, t + 1).reduce((a, b) => a + b) / 50,
    );
    expectClose(sma(c, 50), expected, 1e-12);
  });
});

describe('rsi', () => {
  // Wilder-style textbook series (StockCharts ChartSchool RSI sheet); published RSI(14) from the 15th close.
  const closes = f64([
    44.3389, 44.0902, 44.1497, 43.6124, 44.2778, 44.8264, 45.0955, 45.4245, 45.8433, 46.0826, 45.8931,
    46.0328, 45.614, 46.282, 46.282, 46.0028, 46.0328, 46.4116, 46.2222, 45.6439, 46.2122, 46.2521, 45.7137,
    46.4515, 45.7835, 45.3548, 44.0288, 44.1783, 44.2181, 44.5672, 43.4205, 42.6628, 43.1314,
  ]);
  const published = [
    70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71, 50.42, 39.99, 41.46, 41.87,
    45.46, 37.3, 33.08, 37.77,
  ];

  /** O(n²) re-implementation: for every t, restart from the simple mean of the first 14 changes. */
  function naiveRsi(c: ArrayLike<number>, n: number): number[] {
    const out = Array.from({ length: c.length }, () => N);
    for (let t = n; t < c.length; t++) {
      let g = 0;
      let l = 0;
      for (let j = 1; j <= n; j++) {
        g += Math.max(c[j] - c[j - 1], 0) / n;
        l += Math.max(c[j - 1] - c[j], 0) / n;
      }
      for (let j = n + 1; j <= t; j++) {
        g = (g * (n - 1) + Math.max(c[j] - c[j - 1], 0)) / n;
        l = (l * (n - 1) + Math.max(c[j - 1] - c[j], 0)) / n;
      }
      out[t] = g + l === 0 ? 0 : (100 * g) / (g + l);
    }
    return out;
  }

  it('reproduces the published textbook values, first at index 14', () => {
    const r = rsi(closes, 14);
    for (let i = 0; i < 14; i++) expect(r[i]).toBeNaN();
    // By hand for index 14: gains sum 3.3374, losses sum 1.3943 over the first 14 changes →
    // RS = 0.238386/0.099593 = 2.3936 → RSI = 100 − 100/3.3936 = 70.53.
    for (const [k, p] of published.entries()) expect(r[14 + k]).toBeCloseTo(p, 2);
  });

  it('matches the naive O(n²) Wilder implementation on a random walk', () => {
    const c = randomWalkBars(11, 400).close;
    expectClose(rsi(c, 14), naiveRsi(c, 14), 1e-10);
  });

  it('is 0 on a flat series (TA-Lib convention) and 100 on a rising one', () => {
    expect(rsi(new Float64Array(20).fill(5), 14)[19]).toBe(0);
    expect(
      rsi(
        Float64Array.from({ length: 20 }, (_, i) => i),
        14,
      )[19],
    ).toBe(100);
  });
});

describe('atr / adx', () => {
  const b = randomWalkBars(3, 500);
  const { high: h, low: l, close: c } = b;
  const tr = (i: number) => Math.max(h[i] - l[i], Math.abs(h[i] - c[i - 1]), Math.abs(l[i] - c[i - 1]));

  it('true range starts at index 1', () => {
    const t = trueRange(h, l, c);
    expect(t[0]).toBeNaN();
    expectClose(
      t.subarray(1),
      Array.from({ length: 499 }, (_, k) => tr(k + 1)),
      0,
    );
  });

  it('ATR(14): mean of TR[1..14] at index 14, then Wilder smoothing', () => {
    const expected = Array.from({ length: 500 }, () => N);
    let a = 0;
    for (let i = 1; i <= 14; i++) a += tr(i) / 14;
    expected[14] = a;
    for (let i = 15; i < 500; i++) expected[i] = a = (13 * a + tr(i)) / 14;
    expectClose(atr(h, l, c, 14), expected, 1e-12);
  });

  /** Direct implementation of Wilder's ±DM/TR/DI/DX/ADX; `seedBars` = bars in the initial sum. */
  function naiveAdx(n: number, seedBars: number) {
    const len = c.length;
    const pdm = [0];
    const mdm = [0];
    for (let i = 1; i < len; i++) {
      const up = h[i] - h[i - 1];
      const down = l[i - 1] - l[i];
      pdm.push(up > down && up > 0 ? up : 0);
      mdm.push(down > up && down > 0 ? down : 0);
    }
    const smooth = (x: (i: number) => number) => {
      const s = Array.from({ length: len }, () => N);
      let acc = 0;
      for (let i = 1; i <= seedBars; i++) acc += x(i);
      s[seedBars] = acc;
      for (let i = seedBars + 1; i < len; i++) s[i] = s[i - 1] - s[i - 1] / n + x(i);
      return s;
    };
    const sp = smooth((i) => pdm[i]);
    const sm = smooth((i) => mdm[i]);
    const st = smooth(tr);
    const plus = sp.map((v, i) => (i < n ? N : (100 * v) / st[i]));
    const minus = sm.map((v, i) => (i < n ? N : (100 * v) / st[i]));
    const dx = plus.map((p, i) => (100 * Math.abs(p - minus[i])) / (p + minus[i]));
    const out = Array.from({ length: len }, () => N);
    out[2 * n - 1] = dx.slice(n, 2 * n).reduce((a, v) => a + v) / n;
    for (let i = 2 * n; i < len; i++) out[i] = (out[i - 1] * (n - 1) + dx[i]) / n;
    return { plus, minus, adx: out };
  }

  it('ADX/±DI match TA-Lib seeding (initial sum over bars 1..n−1), first ADX at index 27', () => {
    const got = adx(h, l, c, 14);
    const ref = naiveAdx(14, 13);
    expectClose(got.plusDi, ref.plus, 1e-10);
    expectClose(got.minusDi, ref.minus, 1e-10);
    expectClose(got.adx, ref.adx, 1e-10);
    expect(got.adx[26]).toBeNaN();
    expect(got.adx[27]).not.toBeNaN();
  });

  it('converges to the textbook Wilder seeding (sum over bars 1..n) once the seed has decayed', () => {
    const got = adx(h, l, c, 14);
    const ref = naiveAdx(14, 14);
    expect(Math.abs(got.adx[60] - ref.adx[60])).toBeGreaterThan(1e-9); // the seeds really differ
    expectClose(got.adx.subarray(400), ref.adx.slice(400), 1e-6);
    expectClose(got.plusDi.subarray(400), ref.plus.slice(400), 1e-6);
  });
});

describe('bollinger / macd / obv / returns', () => {
  const c = randomWalkBars(5, 2500, { price: 3000 }).close;

  it('Bollinger(20, 2) matches a naive per-window population std', () => {
    const bb = bollinger(c, 20, 2);
    const mid = Array.from(c, (_, t) => (t < 19 ? N : c.slice(t - 19, t + 1).reduce((a, b) => a + b) / 20));
    const sd = Array.from(c, (_, t) => (t < 19 ? N : naiveStd(c, t - 19, t, 0)));
    expectClose(bb.middle, mid, 1e-12);
    expectClose(
      bb.upper,
      mid.map((m, i) => m + 2 * sd[i]),
      1e-12,
    );
    expectClose(
      bb.lower,
      mid.map((m, i) => m - 2 * sd[i]),
      1e-12,
    );
  });

  it('MACD(12, 26, 9): line from 25, signal and histogram from 33', () => {
    const m = macd(c);
    const e12 = naiveEma(c, 12);
    const e26 = naiveEma(c, 26);
    const line = e12.map((v, i) => v - e26[i]);
    const signal = naiveEma(line, 9);
    expectClose(m.line, line, 1e-10);
    expectClose(m.signal, signal, 1e-10);
    expectClose(
      m.hist,
      line.map((v, i) => v - signal[i]),
      1e-10,
    );
    expect(m.line[24]).toBeNaN();
    expect(m.signal[32]).toBeNaN();
    expect(m.signal[33]).not.toBeNaN();
  });

  it('OBV starts at 0 on bar 0 and adds signed volume', () => {
    // closes 10 → 11 (+3) → 11 (0) → 10 (−2) → 12 (+6): 0, 3, 3, 1, 7
    expectClose(obv(f64([10, 11, 11, 10, 12]), f64([5, 3, 4, 2, 6])), [0, 3, 3, 1, 7], 0);
  });

  it('log returns and sample volatility of log returns', () => {
    expectClose(logReturn(f64([100, 110, 99]), 1), [N, Math.log(1.1), Math.log(0.9)], 1e-15);
    expectClose(logReturn(f64([100, 110, 99]), 2), [N, N, Math.log(0.99)], 1e-15);
    const r = Array.from(c, (v, i) => (i === 0 ? N : Math.log(v / c[i - 1])));
    const vol = Array.from(c, (_, t) => (t < 20 ? N : naiveStd(r, t - 19, t, 1)));
    expectClose(rollingVolatility(c, 20), vol, 1e-9);
  });
});
