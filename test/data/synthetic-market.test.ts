import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/index.js';
import {
  type BarSeries,
  DEFAULT_SYMBOLS,
  generateSyntheticMarket,
  validateBars,
} from '../../src/data/index.js';

const IST_MS = 330 * 60_000;
const daily = (seed: number, extra: Record<string, unknown> = {}): BarSeries[] =>
  generateSyntheticMarket({ seed, start: '2022-01-01', end: '2024-12-31', frequency: '1d', ...extra });

const bytes = (b: BarSeries): string =>
  [b.ts, b.open, b.high, b.low, b.close, b.volume]
    .map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex'))
    .join('|');

describe('generateSyntheticMarket: shape and determinism', () => {
  it('has 36 distinct default symbols', () => {
    expect(DEFAULT_SYMBOLS).toHaveLength(36);
    expect(new Set(DEFAULT_SYMBOLS).size).toBe(36);
    expect(DEFAULT_SYMBOLS).toContain('RELIANCE');
    expect(DEFAULT_SYMBOLS).toContain('HDFCBANK');
  });

  it('is byte-identical for the same seed and differs for another seed', () => {
    const a = daily(7);
    const b = daily(7);
    const c = daily(8);
    expect(a.map((s) => s.symbol)).toEqual([...DEFAULT_SYMBOLS]);
    expect(a.map(bytes)).toEqual(b.map(bytes));
    for (let i = 0; i < a.length; i++) expect(bytes(a[i])).not.toBe(bytes(c[i]));
  });

  it('does not change a symbol when others are added or reordered', () => {
    const two = generateSyntheticMarket({
      seed: 3,
      symbols: ['TCS', 'INFY'],
      start: '2023-01-01',
      end: '2023-06-30',
      frequency: '1d',
    });
    const three = generateSyntheticMarket({
      seed: 3,
      symbols: ['RELIANCE', 'INFY', 'TCS', 'NEWCO'],
      start: '2023-01-01',
      end: '2023-06-30',
      frequency: '1d',
    });
    expect(bytes(three[2])).toBe(bytes(two[0]));
    expect(bytes(three[1])).toBe(bytes(two[1]));
  });

  it('produces valid OHLCV on every bar, at realistic price levels', () => {
    const m = daily(11);
    for (const b of m) {
      expect(b.tz).toBe('Asia/Kolkata');
      expect(b.close[0]).toBeGreaterThan(90);
      expect(b.close[0]).toBeLessThan(3300);
      for (let i = 0; i < b.ts.length; i++) {
        const hi = Math.max(b.open[i], b.close[i]);
        const lo = Math.min(b.open[i], b.close[i]);
        if (
          !(
            b.high[i] >= hi &&
            b.low[i] <= lo &&
            b.low[i] > 0 &&
            b.volume[i] > 0 &&
            Number.isInteger(b.volume[i])
          )
        ) {
          throw new Error(`${b.symbol}[${i}] invalid bar`);
        }
        if (i > 0 && !(b.ts[i] > b.ts[i - 1])) throw new Error(`${b.symbol}[${i}] ts not increasing`);
      }
    }
    expect(validateBars(m)).toEqual([]);
  });

  it('stamps daily bars at local midnight of each weekday, and only weekdays', () => {
    const [b] = daily(1, { symbols: ['TCS'] });
    // Independent count of Mon–Fri days from 2022-01-01 to 2024-12-31 with Date.
    let weekdays = 0;
    for (let t = Date.UTC(2022, 0, 1); t <= Date.UTC(2024, 11, 31); t += 86_400_000) {
      const wd = new Date(t).getUTCDay();
      if (wd !== 0 && wd !== 6) weekdays++;
    }
    expect(b.ts.length).toBe(weekdays);
    expect(b.ts[0]).toBe(Date.UTC(2022, 0, 2, 18, 30)); // Mon 2022-01-03 00:00 IST
    for (const t of b.ts) {
      const local = new Date(t + IST_MS);
      expect(local.getUTCHours() * 60 + local.getUTCMinutes()).toBe(0);
      expect([1, 2, 3, 4, 5]).toContain(local.getUTCDay());
    }
  });

  it('emits 75 five-minute bars a session, 09:15 to 15:25 IST, with smaller per-bar moves', () => {
    const [b] = generateSyntheticMarket({
      seed: 2,
      symbols: ['INFY'],
      start: '2024-01-01',
      end: '2024-01-31',
      frequency: '5m',
    });
    expect(b.ts.length).toBe(23 * 75); // January 2024 has 23 weekdays
    expect(b.ts[0]).toBe(Date.UTC(2024, 0, 1, 3, 45));
    expect(b.ts[74]).toBe(Date.UTC(2024, 0, 1, 9, 55)); // 15:25 IST
    for (let i = 0; i < b.ts.length; i++) {
      const local = new Date(b.ts[i] + IST_MS);
      expect(local.getUTCHours() * 60 + local.getUTCMinutes()).toBe(555 + 5 * (i % 75));
    }
    expect(validateBars(b)).toEqual([]);
    let sq = 0;
    for (let i = 1; i < b.close.length; i++) sq += Math.log(b.close[i] / b.close[i - 1]) ** 2;
    const barVol = Math.sqrt(sq / (b.close.length - 1));
    expect(barVol).toBeGreaterThan(0.0008);
    expect(barVol).toBeLessThan(0.006);
  });

  it('has a U-shaped intraday volume profile', () => {
    const m = generateSyntheticMarket({
      seed: 4,
      symbols: ['TCS', 'ITC', 'SBIN'],
      start: '2024-01-01',
      end: '2024-03-31',
      frequency: '5m',
    });
    const byBar = new Float64Array(75);
    for (const b of m) for (let i = 0; i < b.ts.length; i++) byBar[i % 75] += b.volume[i];
    const mid = byBar[37];
    expect(byBar[0]).toBeGreaterThan(2 * mid);
    expect(byBar[74]).toBeGreaterThan(2 * mid);
  });

  it('rejects bad options with a ConfigError', () => {
    const base = { seed: 1, start: '2024-01-01', end: '2024-02-01', frequency: '1d' as const };
    expect(() => generateSyntheticMarket({ ...base, start: '2024-02-30' })).toThrow(ConfigError);
    expect(() => generateSyntheticMarket({ ...base, end: '2023-01-01' })).toThrow(/before start/);
    expect(() => generateSyntheticMarket({ ...base, symbols: ['TCS', 'TCS'] })).toThrow(/duplicate/);
    expect(() => generateSyntheticMarket({ ...base, signalStrength: -1 })).toThrow(/signalStrength/);
    expect(() => generateSyntheticMarket({ ...base, tz: 'Nowhere/City' })).toThrow(/tz/);
  });
});

/**
 * Conditional frequencies computed straight from closes (no ML code): in a calm state (trailing
 * 20-bar realised variance below the trailing 100-bar one) how often does the sign of the trailing
 * 10-bar return match the sign of the next 5-bar return?
 */
function momentumHitRate(
  series: BarSeries[],
  from = 0,
  to = Number.POSITIVE_INFINITY,
): { hit: number; n: number } {
  let hit = 0;
  let n = 0;
  for (const b of series) {
    const c = b.close;
    const lr = new Float64Array(c.length);
    for (let i = 1; i < c.length; i++) lr[i] = Math.log(c[i] / c[i - 1]);
    for (let t = 100; t + 5 < c.length; t++) {
      if (b.ts[t] < from || b.ts[t] >= to) continue;
      let s20 = 0;
      let s100 = 0;
      for (let j = t - 99; j <= t; j++) s100 += lr[j] * lr[j];
      for (let j = t - 19; j <= t; j++) s20 += lr[j] * lr[j];
      if (s20 / 20 >= s100 / 100) continue;
      const past = c[t] - c[t - 10];
      const next = c[t + 5] - c[t];
      if (past === 0 || next === 0) continue;
      n++;
      if (Math.sign(past) === Math.sign(next)) hit++;
    }
  }
  return { hit: hit / n, n };
}

describe('generateSyntheticMarket: learnable but weak structure', () => {
  it.each([1, 2])('seed %i: calm-state momentum predicts the next 5 bars, and not without signal', (seed) => {
    const withSignal = momentumHitRate(daily(seed));
    const noise = momentumHitRate(daily(seed, { signalStrength: 0 }));
    expect(withSignal.n).toBeGreaterThan(8000);
    // Weak but clear: well above a coin flip, far from a give-away.
    expect(withSignal.hit).toBeGreaterThan(0.54);
    expect(withSignal.hit).toBeLessThan(0.65);
    expect(Math.abs(noise.hit - 0.5)).toBeLessThan(0.025);
    expect(withSignal.hit - noise.hit).toBeGreaterThan(0.03);
  });

  it('flips momentum after regimeChangeDate', () => {
    const change = Date.UTC(2023, 6, 1) - IST_MS;
    const m = daily(5, { regimeChangeDate: '2023-07-01' });
    const before = momentumHitRate(m, 0, change);
    const after = momentumHitRate(m, change + 30 * 86_400_000);
    expect(before.hit).toBeGreaterThan(0.54);
    expect(after.hit).toBeLessThan(0.5);
  });
});
