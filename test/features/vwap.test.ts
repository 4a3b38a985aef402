import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/index.js';
import { buildFeatureTable, rollingVwap, sessionKeys, sessionVwap } from '../../src/features/index.js';
import { barsFrom, expectClose, randomWalkBars } from './helpers.js';

const DAY = 86_400_000;
const MIN = 60_000;

/** Bars with high = tp + 1 and low = tp − 1 so the typical price (h+l+c)/3 is exactly tp. */
function tpBars(tp: number[], volume: number[], ts: number[], tz: string) {
  return barsFrom({ high: tp.map((p) => p + 1), low: tp.map((p) => p - 1), close: tp, volume, ts, tz });
}

describe('session VWAP', () => {
  it('resets at each new exchange-local session (Asia/Kolkata, 2 sessions)', () => {
    // 09:15, 09:20, 09:25 IST on 2 and 3 Jan 2024 (IST = UTC+5:30, so 03:45 UTC).
    const d1 = Date.UTC(2024, 0, 2, 3, 45);
    const d2 = Date.UTC(2024, 0, 3, 3, 45);
    const b = tpBars(
      [100, 102, 104, 200, 190],
      [10, 30, 60, 50, 50],
      [d1, d1 + 5 * MIN, d1 + 10 * MIN, d2, d2 + 5 * MIN],
      'Asia/Kolkata',
    );
    // session 1: 100; (100·10 + 102·30)/40 = 101.5; (1000 + 3060 + 104·60)/100 = 103
    // session 2 restarts: 200; (200·50 + 190·50)/100 = 195 (without the reset it would be 135.33)
    expectClose(
      sessionVwap(b.ts, b.tz, b.high, b.low, b.close, b.volume),
      [100, 101.5, 103, 200, 195],
      1e-14,
    );
  });

  it('keys sessions by the local date, not the UTC date (Asia/Tokyo session spanning UTC midnight)', () => {
    // 08:50, 08:55, 09:00, 09:05 JST on 10 Jan = 23:50, 23:55 (9 Jan) and 00:00, 00:05 (10 Jan) UTC;
    // then 08:50 JST on 11 Jan starts a new session.
    const t0 = Date.UTC(2024, 0, 9, 23, 50);
    const ts = [t0, t0 + 5 * MIN, t0 + 10 * MIN, t0 + 15 * MIN, t0 + DAY];
    const b = tpBars([10, 20, 30, 40, 7], [1, 1, 1, 1, 1], ts, 'Asia/Tokyo');
    // one session: 10, 15, 20, 25; new session: 7
    expectClose(sessionVwap(b.ts, b.tz, b.high, b.low, b.close, b.volume), [10, 15, 20, 25, 7], 1e-14);
    // The same instants read in UTC split at midnight instead: 10, 15 | 30, 35, (30+40+7)/3 (23:50 UTC, 10 Jan).
    const u = tpBars([10, 20, 30, 40, 7], [1, 1, 1, 1, 1], ts, 'UTC');
    expectClose(sessionVwap(u.ts, u.tz, u.high, u.low, u.close, u.volume), [10, 15, 30, 35, 77 / 3], 1e-14);
  });

  it('falls back to the typical price while the session has no volume yet', () => {
    const t0 = Date.UTC(2024, 0, 2, 3, 45);
    const b = tpBars([100, 110], [0, 5], [t0, t0 + 5 * MIN], 'Asia/Kolkata');
    expectClose(sessionVwap(b.ts, b.tz, b.high, b.low, b.close, b.volume), [100, 110], 0);
  });

  it('is the close_vwap anchor of intraday feature tables by default (defined from bar 0)', () => {
    const b = randomWalkBars(9, 200, { intraday: true });
    const t = buildFeatureTable(b, { features: ['close_vwap'] });
    // Bar 0 opens a session, so its VWAP is its own typical price.
    expect(t.columns[0][0]).toBe(b.close[0] / ((b.high[0] + b.low[0] + b.close[0]) / 3) - 1);
    expect(t.firstValid).toBe(0);
    // Bar 75 opens the next day's session: the VWAP restarts there too.
    expect(t.columns[0][75]).toBe(b.close[75] / ((b.high[75] + b.low[75] + b.close[75]) / 3) - 1);
  });

  it('rejects an unknown timezone with a ConfigError naming it', () => {
    const b = tpBars([1], [1], [0], 'Mars/Olympus');
    expect(() => sessionVwap(b.ts, b.tz, b.high, b.low, b.close, b.volume)).toThrow(ConfigError);
  });
});

describe('sessionKeys', () => {
  const dateFormat = (tz: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
  const naiveKey = (t: number, fmt: Intl.DateTimeFormat) => {
    const s = fmt.format(t);
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, m - 1, d) / DAY;
  };

  it.each([
    'America/New_York',
    'Europe/London',
    'Australia/Sydney',
    'Asia/Kolkata',
    'Pacific/Chatham',
    'UTC',
  ])('matches a per-bar Intl lookup across DST changes (%s)', (tz) => {
    const ts: number[] = [];
    // Every 7 minutes over 2024 (covers both DST changes of every zone) plus random-ish sparse jumps in 2023.
    for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2023, 11, 31); t += 4 * DAY + 7 * MIN * 13) ts.push(t);
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 7 * MIN) ts.push(t);
    const keys = sessionKeys(Float64Array.from(ts), tz);
    const fmt = dateFormat(tz);
    const bad = ts.findIndex((t, i) => keys[i] !== naiveKey(t, fmt));
    expect(bad, bad >= 0 ? `mismatch at ${new Date(ts[bad]).toISOString()}` : '').toBe(-1);
  });
});

describe('rolling VWAP', () => {
  it('matches a naive per-window Σ(tp·v)/Σv with window 20, first at 19', () => {
    const b = randomWalkBars(21, 3000, { zeroVolume: 0.1 });
    const tp = Array.from(b.close, (c, i) => (b.high[i] + b.low[i] + c) / 3);
    const expected = tp.map((_, t) => {
      if (t < 19) return Number.NaN;
      let pv = 0;
      let v = 0;
      for (let j = t - 19; j <= t; j++) {
        pv += tp[j] * b.volume[j];
        v += b.volume[j];
      }
      return pv / v;
    });
    expectClose(rollingVwap(b.high, b.low, b.close, b.volume, 20), expected, 1e-11);
  });
});
