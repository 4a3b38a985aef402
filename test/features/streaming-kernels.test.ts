import { describe, expect, it } from 'vitest';
import { ConfigError, createRng } from '../../src/core/index.js';
import {
  AdxStream,
  AtrStream,
  adx,
  atr,
  BollingerStream,
  bollinger,
  EmaStream,
  ema,
  LogReturnStream,
  logReturn,
  MacdStream,
  macd,
  ObvStream,
  obv,
  RollingStdStream,
  RollingVolatilityStream,
  RollingVwapStream,
  RsiStream,
  rollingStd,
  rollingVolatility,
  rollingVwap,
  rsi,
  SessionKeyStream,
  SessionVwapStream,
  SmaStream,
  sessionKeys,
  sessionVwap,
  sma,
  TrueRangeStream,
  trueRange,
} from '../../src/features/index.js';
import { barsFrom, expectBitEqual, pushAll, randomWalkBars } from './helpers.js';

// Every twin mirrors its batch kernel's operation order, so all comparisons here are bit for bit
// (Object.is per row, NaN warm-up rows included), not within a tolerance.

const N = Number.NaN;

// 5000 rows cross the SMA/VWAP recompute (every 1024 rows) and the std re-anchor (every 256) several times;
// zero-volume bars and a flat stretch exercise the fallbacks.
const bars = randomWalkBars('twins', 5000, { zeroVolume: 0.05 });
for (let i = 3000; i < 3100; i++) {
  bars.open[i] = bars.high[i] = bars.low[i] = bars.close[i] = bars.close[2999];
  bars.volume[i] = 0;
}
const { high: h, low: l, close: c, volume: v } = bars;
const len = c.length;
const withLeadingNaN = Float64Array.from(c, (x, i) => (i < 7 ? N : x));

describe('streaming twins equal their batch kernels bit for bit', () => {
  it('SMA, EMA and rolling std (also with leading NaN inputs, as chained indicators)', () => {
    for (const x of [c, withLeadingNaN]) {
      for (const n of [1, 3, 20, 50]) {
        const s = new SmaStream(n);
        expectBitEqual(
          pushAll(len, (i) => s.push(x[i])),
          sma(x, n),
          `sma${n}`,
        );
        const e = new EmaStream(n);
        expectBitEqual(
          pushAll(len, (i) => e.push(x[i])),
          ema(x, n),
          `ema${n}`,
        );
      }
      for (const [n, ddof] of [
        [2, 1],
        [20, 0],
        [60, 1],
      ] as const) {
        const s = new RollingStdStream(n, ddof);
        expectBitEqual(
          pushAll(len, (i) => s.push(x[i])),
          rollingStd(x, n, ddof),
          `std${n}`,
        );
      }
    }
  });

  it('RSI, true range, ATR and ADX with ±DI', () => {
    const r = new RsiStream(14);
    expectBitEqual(
      pushAll(len, (i) => r.push(c[i])),
      rsi(c, 14),
      'rsi',
    );
    const t = new TrueRangeStream();
    expectBitEqual(
      pushAll(len, (i) => t.push(h[i], l[i], c[i])),
      trueRange(h, l, c),
      'tr',
    );
    const a = new AtrStream(14);
    expectBitEqual(
      pushAll(len, (i) => a.push(h[i], l[i], c[i])),
      atr(h, l, c, 14),
      'atr',
    );
    const d = new AdxStream(14);
    const plus = new Float64Array(len);
    const minus = new Float64Array(len);
    const got = pushAll(len, (i) => {
      const x = d.push(h[i], l[i], c[i]);
      plus[i] = d.plusDi;
      minus[i] = d.minusDi;
      return x;
    });
    const ref = adx(h, l, c, 14);
    expectBitEqual(got, ref.adx, 'adx');
    expectBitEqual(plus, ref.plusDi, '+di');
    expectBitEqual(minus, ref.minusDi, '-di');
  });

  it('Bollinger bands and MACD line/signal/histogram', () => {
    const bb = new BollingerStream(20, 2);
    const up = new Float64Array(len);
    const lo = new Float64Array(len);
    const mid = pushAll(len, (i) => {
      bb.push(c[i]);
      up[i] = bb.upper;
      lo[i] = bb.lower;
      return bb.middle;
    });
    const ref = bollinger(c, 20, 2);
    expectBitEqual(mid, ref.middle, 'middle');
    expectBitEqual(up, ref.upper, 'upper');
    expectBitEqual(lo, ref.lower, 'lower');
    const m = new MacdStream(12, 26, 9);
    const sig = new Float64Array(len);
    const hist = new Float64Array(len);
    const line = pushAll(len, (i) => {
      m.push(c[i]);
      sig[i] = m.signal;
      hist[i] = m.hist;
      return m.line;
    });
    const mr = macd(c, 12, 26, 9);
    expectBitEqual(line, mr.line, 'macd');
    expectBitEqual(sig, mr.signal, 'signal');
    expectBitEqual(hist, mr.hist, 'hist');
  });

  it('OBV, log returns and rolling volatility', () => {
    const o = new ObvStream();
    expectBitEqual(
      pushAll(len, (i) => o.push(c[i], v[i])),
      obv(c, v),
      'obv',
    );
    for (const k of [1, 5, 20]) {
      const r = new LogReturnStream(k);
      expectBitEqual(
        pushAll(len, (i) => r.push(c[i])),
        logReturn(c, k),
        `ret${k}`,
      );
    }
    const vol = new RollingVolatilityStream(60);
    expectBitEqual(
      pushAll(len, (i) => vol.push(c[i])),
      rollingVolatility(c, 60),
      'vol60',
    );
  });

  it('rolling VWAP (windows 1, 20, 300) and session VWAP / session keys', () => {
    for (const n of [1, 20, 300]) {
      const s = new RollingVwapStream(n);
      expectBitEqual(
        pushAll(len, (i) => s.push(h[i], l[i], c[i], v[i])),
        rollingVwap(h, l, c, v, n),
        `vwap${n}`,
      );
    }
    const intraday = randomWalkBars('twins-5m', 3000, { intraday: true, zeroVolume: 0.1 });
    const k = new SessionKeyStream(intraday.tz);
    expectBitEqual(
      pushAll(3000, (i) => k.key(intraday.ts[i])),
      sessionKeys(intraday.ts, intraday.tz),
      'keys',
    );
    const sv = new SessionVwapStream(intraday.tz);
    const b = intraday;
    expectBitEqual(
      pushAll(3000, (i) => sv.push(b.ts[i], b.high[i], b.low[i], b.close[i], b.volume[i])),
      sessionVwap(b.ts, b.tz, b.high, b.low, b.close, b.volume),
      'session vwap',
    );
  });

  it('session keys across DST changes (America/New_York, 5-minute bars around the clock, 2 months)', () => {
    const t0 = Date.UTC(2024, 1, 20);
    const t = Float64Array.from({ length: 60 * 288 }, (_, i) => t0 + i * 300_000);
    const k = new SessionKeyStream('America/New_York');
    const got = pushAll(t.length, (i) => k.key(t[i]));
    expectBitEqual(got, sessionKeys(t, 'America/New_York'), 'ny keys');
    // Local midnight on 11 Mar 2024 (EDT, UTC−4) is 04:00 UTC; an hour earlier is still 10 Mar.
    const i = t.indexOf(Date.UTC(2024, 2, 11, 4));
    expect(got[i] - got[i - 12]).toBe(1);
    expect(got[i] - got[i - 1]).toBe(1);
  });

  it('edge cases: series shorter than the window, NaN inside the input, flat prices', () => {
    const short = c.subarray(0, 10);
    const s = new SmaStream(20);
    expectBitEqual(
      pushAll(10, (i) => s.push(short[i])),
      sma(short, 20),
      'short',
    );
    const holes = Float64Array.from(c.subarray(0, 2000), (x, i) => (i === 500 ? N : x));
    const e = new EmaStream(12);
    const sm = new SmaStream(20);
    const sd = new RollingStdStream(20);
    expectBitEqual(
      pushAll(2000, (i) => e.push(holes[i])),
      ema(holes, 12),
      'ema hole',
    );
    expectBitEqual(
      pushAll(2000, (i) => sm.push(holes[i])),
      sma(holes, 20),
      'sma hole',
    );
    expectBitEqual(
      pushAll(2000, (i) => sd.push(holes[i])),
      rollingStd(holes, 20),
      'std hole',
    );
    // A NaN first close: the batch's TR at row 1 is then h − l (trueRangeAt ignores NaN comparisons).
    const nanFirst = Float64Array.from(c.subarray(0, 50), (x, i) => (i === 0 ? N : x));
    const t = new TrueRangeStream();
    expectBitEqual(
      pushAll(50, (i) => t.push(h[i], l[i], nanFirst[i])),
      trueRange(h, l, nanFirst),
      'tr nan',
    );
    const flat = new Float64Array(40).fill(100);
    const r = new RsiStream(14);
    const rr = pushAll(40, (i) => r.push(flat[i]));
    expectBitEqual(rr, rsi(flat, 14), 'flat rsi');
    expect(rr[39]).toBe(0); // TA-Lib: both averages zero → 0
  });
});

describe('streaming twins by hand', () => {
  it('SMA(3) and EMA(4) of 1..10', () => {
    const s = new SmaStream(3);
    const e = new EmaStream(4);
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    // (1+2+3)/3 = 2, then the window midpoints; EMA seeded with mean(1..4) = 2.5, α = 0.4: 3.5, 4.5, …
    expect(xs.map((x) => s.push(x))).toEqual([N, N, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(xs.map((x) => e.push(x))).toEqual([N, N, N, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5]);
  });

  it('session VWAP resets at a new Asia/Kolkata date', () => {
    const d1 = Date.UTC(2024, 0, 2, 3, 45);
    const d2 = Date.UTC(2024, 0, 3, 3, 45);
    const b = barsFrom({
      high: [101, 103, 105, 201, 191],
      low: [99, 101, 103, 199, 189],
      close: [100, 102, 104, 200, 190],
      volume: [10, 30, 60, 50, 50],
      ts: [d1, d1 + 300_000, d1 + 600_000, d2, d2 + 300_000],
    });
    const sv = new SessionVwapStream('Asia/Kolkata');
    // tp = close; 100, (1000 + 3060)/40 = 101.5, (4060 + 6240)/100 = 103; new session: 200, 195
    const got = [0, 1, 2, 3, 4].map((i) => sv.push(b.ts[i], b.high[i], b.low[i], b.close[i], b.volume[i]));
    expect(got[0]).toBe(100);
    expect(got[1]).toBe(101.5);
    expect(got[2]).toBeCloseTo(103, 12);
    expect(got[3]).toBe(200);
    expect(got[4]).toBe(195);
  });

  it('OBV starts at 0 and adds/subtracts volume on up/down closes', () => {
    const o = new ObvStream();
    expect([10, 11, 11, 9, 12].map((x, i) => o.push(x, [5, 7, 3, 2, 4][i]))).toEqual([0, 7, 7, 5, 9]);
  });
});

describe('streaming twin state', () => {
  it('reset() starts over: a second pass gives the same rows', () => {
    const s = new RollingStdStream(20, 0);
    const first = pushAll(len, (i) => s.push(c[i]));
    s.reset();
    expectBitEqual(
      pushAll(len, (i) => s.push(c[i])),
      first,
      'after reset',
    );
  });

  it('mirroring the recompute schedule matters: a plain running-sum SMA is not bit-identical', () => {
    // Same data with a large offset, where rounding of add/remove accumulates.
    const rng = createRng('drift');
    const y = Float64Array.from({ length: 5000 }, () => 1e6 + rng.normal() * 1e-3);
    let sum = 0;
    const plain = Float64Array.from(y, (yi, i) => {
      sum += yi - (i >= 20 ? y[i - 20] : 0);
      return i >= 19 ? sum / 20 : N;
    });
    const batch = sma(y, 20);
    const differ = plain.some((p, i) => !Object.is(p, batch[i]));
    expect(differ).toBe(true);
    const s = new SmaStream(20);
    expectBitEqual(
      pushAll(5000, (i) => s.push(y[i])),
      batch,
      'sma with recompute',
    );
  });

  it('invalid periods and widths throw the batch kernels’ ConfigError', () => {
    expect(() => new SmaStream(0)).toThrow(ConfigError);
    expect(() => new RollingStdStream(1, 1)).toThrow(ConfigError);
    expect(() => new AdxStream(1)).toThrow(ConfigError);
    expect(() => new BollingerStream(20, 0)).toThrow(ConfigError);
    expect(() => new SessionKeyStream('Mars/Olympus')).toThrow(ConfigError);
  });
});
