import { describe, expect, it } from 'vitest';
import { smaCrossoverTarget } from '../../src/backtest/index.js';
import { createRng } from '../../src/core/index.js';
import { type BarSeries, generateSyntheticMarket } from '../../src/data/index.js';
import { atr, BAR, BAR_FIELDS, ema, rollingVwap, sessionVwap } from '../../src/features/index.js';
import { IntradayStrategy, SwingStrategy } from '../../src/live/index.js';

function run(strategy: SwingStrategy | IntradayStrategy, b: BarSeries) {
  const dir = new Float64Array(b.ts.length);
  const strength = new Float64Array(b.ts.length);
  const bar = new Float64Array(BAR_FIELDS.length);
  for (let i = 0; i < b.ts.length; i++) {
    bar[BAR.ts] = b.ts[i];
    bar[BAR.open] = b.open[i];
    bar[BAR.high] = b.high[i];
    bar[BAR.low] = b.low[i];
    bar[BAR.close] = b.close[i];
    bar[BAR.volume] = b.volume[i];
    strategy.update(bar);
    dir[i] = strategy.direction;
    strength[i] = strategy.strength;
  }
  return { dir, strength };
}

const daily = generateSyntheticMarket({
  seed: 42,
  symbols: ['TCS', 'ITC'],
  start: '2022-01-01',
  end: '2024-12-31',
  frequency: '1d',
});
const intraday = generateSyntheticMarket({
  seed: 42,
  symbols: ['INFY'],
  start: '2024-01-01',
  end: '2024-02-29',
  frequency: '5m',
});

describe('SwingStrategy is the SMA 20/50 baseline bar by bar', () => {
  it('equals smaCrossoverTarget (validation’s baseline rule) exactly, with and without shorts, past the 1024-bar re-sum', () => {
    for (const b of [...daily, ...intraday]) {
      for (const allowShort of [true, false]) {
        const got = run(new SwingStrategy(allowShort), b);
        const want = smaCrossoverTarget(b.close, { allowShort });
        expect(Array.from(got.dir)).toEqual(Array.from(want));
        expect(got.strength.every((s, i) => s === (want[i] === 0 ? 0 : 1))).toBe(true);
      }
    }
    expect(intraday[0].ts.length).toBeGreaterThan(2048);
  });

  it('reset() starts the series over', () => {
    const s = new SwingStrategy(true);
    const first = run(s, daily[0]);
    s.reset();
    expect(run(s, daily[0])).toEqual(first);
  });
});

describe('IntradayStrategy: EMA9/EMA21 momentum confirmed by VWAP, sized by the EMA gap over ATR14', () => {
  /** The rule from the batch kernels, with the session clock read through Date (IST = UTC+5:30). */
  function reference(b: BarSeries, vwap: Float64Array, allowShort: boolean, flatAtClose: boolean) {
    const f = ema(b.close, 9);
    const s = ema(b.close, 21);
    const a = atr(b.high, b.low, b.close, 14);
    const dir = new Float64Array(b.ts.length);
    const strength = new Float64Array(b.ts.length);
    for (let i = 0; i < b.ts.length; i++) {
      const ist = new Date(b.ts[i] + 330 * 60_000);
      const minute = ist.getUTCHours() * 60 + ist.getUTCMinutes();
      let d =
        f[i] > s[i] && b.close[i] > vwap[i]
          ? 1
          : f[i] < s[i] && b.close[i] < vwap[i]
            ? allowShort
              ? -1
              : 0
            : 0;
      if (flatAtClose && minute >= 15 * 60 + 20) d = 0;
      dir[i] = d;
      strength[i] = d === 0 ? 0 : Math.abs(f[i] - s[i]) / a[i];
    }
    return { dir, strength };
  }

  it('on 5-minute bars (session VWAP, flat for the last two bars of each session)', () => {
    const b = intraday[0];
    const vwap = sessionVwap(b.ts, b.tz, b.high, b.low, b.close, b.volume);
    for (const allowShort of [true, false]) {
      const got = run(
        new IntradayStrategy({ allowShort, vwapMode: 'session', tz: b.tz, frequency: '5m' }),
        b,
      );
      const want = reference(b, vwap, allowShort, true);
      expect(Array.from(got.dir)).toEqual(Array.from(want.dir));
      expect(Array.from(got.strength)).toEqual(Array.from(want.strength));
    }
    const got = run(
      new IntradayStrategy({ allowShort: true, vwapMode: 'session', tz: b.tz, frequency: '5m' }),
      b,
    );
    // Every direction occurs, strengths vary (a real sizing signal), and nothing is held into 15:25.
    expect(new Set(got.dir)).toEqual(new Set([-1, 0, 1]));
    expect(new Set(Array.from(got.strength).map((x) => Math.round(x * 10))).size).toBeGreaterThan(5);
  });

  it('on daily bars (rolling VWAP, no session clock)', () => {
    const b = daily[1];
    const vwap = rollingVwap(b.high, b.low, b.close, b.volume, 20);
    const got = run(
      new IntradayStrategy({ allowShort: true, vwapMode: 'rolling', tz: b.tz, frequency: '1d' }),
      b,
    );
    const want = reference(b, vwap, true, false);
    expect(Array.from(got.dir)).toEqual(Array.from(want.dir));
    expect(Array.from(got.strength)).toEqual(Array.from(want.strength));
  });

  it('goes flat from 15:20 exchange time across DST changes (New York, every 5 minutes of the day)', () => {
    // Three days around each 2024 change (10 March, 3 November), a bar every 5 minutes round the clock.
    const rng = createRng('dst-bars');
    const ts: number[] = [];
    for (const start of [Date.UTC(2024, 2, 9), Date.UTC(2024, 10, 2)])
      for (let t = start; t < start + 3 * 86_400_000; t += 300_000) ts.push(t);
    const close = new Float64Array(ts.length);
    let c = 100;
    for (let i = 0; i < ts.length; i++) close[i] = c *= Math.exp(0.004 * (rng.next() - 0.45));
    const b = {
      symbol: 'NYC',
      tz: 'America/New_York',
      ts: Float64Array.from(ts),
      open: close.map((x, i) => (i === 0 ? x : close[i - 1])),
      high: close.map((x) => x * 1.001),
      low: close.map((x) => x * 0.999),
      close,
      volume: close.map(() => 1000),
    } as unknown as BarSeries;
    const opts = { allowShort: true, vwapMode: 'session', tz: b.tz } as const;
    const raw = run(new IntradayStrategy({ ...opts, frequency: '1d' }), b).dir;
    const got = run(new IntradayStrategy({ ...opts, frequency: '5m' }), b).dir;
    let flattened = 0;
    for (let i = 0; i < ts.length; i++) {
      // Exchange-local minute from Intl, independent of the strategy's offset cache.
      const [h, m] = new Intl.DateTimeFormat('en-GB', {
        timeZone: b.tz,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .format(ts[i])
        .split(':')
        .map(Number);
      const late = h * 60 + m >= 15 * 60 + 20;
      if (late && raw[i] !== 0) flattened++;
      expect(got[i], new Date(ts[i]).toISOString()).toBe(late ? 0 : raw[i]);
    }
    expect(flattened).toBeGreaterThan(20);
  });
});
