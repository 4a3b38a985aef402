import { describe, expect, it } from 'vitest';
import { type Params, validateParams } from '../../src/config/index.js';
import { ConfigError, DataValidationError } from '../../src/core/index.js';
import { barsPerYear, inferFrequency, ingest, localDate } from '../../src/data/index.js';
import { writeTemp } from './tmp-files.js';

const H = 'Date,Open,High,Low,Close,Volume';

function params(data: Record<string, unknown>, extra: Record<string, unknown> = {}): Params {
  const r = validateParams({
    base: { exchange_tz: 'America/New_York' },
    data: { source: 'csv', ...data },
    ...extra,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** Weekday session dates from `start` (a Monday), `n` of them. */
function weekdays(start: string, n: number): string[] {
  const out: string[] = [];
  let t = Date.parse(`${start}T00:00:00Z`);
  while (out.length < n) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) out.push(new Date(t).toISOString().slice(0, 10));
    t += 86_400_000;
  }
  return out;
}

/** A daily file: a gentle random-looking walk (deterministic), prices around 100. */
function dailyCsv(
  name: string,
  dates: string[],
  price = (i: number) => 100 + ((i * 37) % 11) - 5 + i * 0.01,
): string {
  const rows = dates.map((d, i) => {
    const c = price(i);
    return `${d},${c},${c + 1},${c - 1},${c},${1000 + i}`;
  });
  return writeTemp(name, `${H}\n${rows.join('\n')}\n`);
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

describe('ingest window: data.start / data.end select CSV bars; the lookback only warms up', () => {
  const dates = weekdays('2019-01-07', 1300); // 2019-01-07 … ~2023-12
  // Temp files are removed after each test, so every test writes its own.
  const f = () => dailyCsv('AAA.csv', dates);

  it('keeps lookback_days of history before start and nothing after end', () => {
    const r = ingest(
      params(
        { csv_paths: [f()], start: '2022-01-03', end: '2022-12-30' },
        { teacher: { lookback_days: 30 } },
      ),
    );
    const s = r.series[0];
    const first = localDate(s.ts[0], 'America/New_York');
    const last = localDate(s.ts[s.ts.length - 1], 'America/New_York');
    // 30 calendar days before 2022-01-03 is 2021-12-04 (a Saturday): first bar Monday 2021-12-06.
    expect(first).toBe('2021-12-06');
    expect(last).toBe('2022-12-30');
    const inWindow = dates.filter((d) => d >= '2022-01-03' && d <= '2022-12-30').length;
    const lookback = dates.filter((d) => d >= '2021-12-04' && d < '2022-01-03').length;
    expect(r.report.window_bars.AAA).toEqual({ lookback, window: inWindow });
    expect(s.ts.length).toBe(lookback + inWindow);
    expect(r.report.window).toEqual({ start: '2022-01-03', end: '2022-12-30', lookback_days: 30 });
    expect(r.report.frequency).toBe('1d');
  });

  it('a window with no data for a symbol is a ConfigError naming the symbol and its range', () => {
    const e = thrown(() => ingest(params({ csv_paths: [f()], start: '2010-01-01', end: '2012-12-31' })));
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toContain('AAA has bars from 2019-01-07 to');
    expect(e.message).toContain('none in 2010-01-01 … 2012-12-31');
  });
});

describe('frequency: inferred, and a declared one must match the data', () => {
  const hourly = () => {
    const rows: string[] = [];
    for (const d of weekdays('2024-01-08', 30)) {
      for (let h = 10; h <= 15; h++) {
        const c = 100 + ((rows.length * 7) % 5);
        rows.push(`${d} ${h}:30,${c},${c + 1},${c - 1},${c},${100}`);
      }
    }
    return writeTemp('HRLY.csv', `${H}\n${rows.join('\n')}\n`);
  };

  it('hourly bars are 1h under auto, annualised by the session', () => {
    const p = params({
      csv_paths: [hourly()],
      start: '2024-01-01',
      end: '2024-03-31',
      session: { open: '09:30', close: '16:00' },
    });
    const r = ingest(p);
    expect(r.report.frequency).toBe('1h');
    // 09:30–16:00 = 390 minutes → ⌈390/60⌉ = 7 hourly bars a session × 252 sessions.
    expect(r.report.bars_per_year).toBe(7 * 252);
  });

  it.each(['1d', '5m'])('hourly bars declared as %s are a ConfigError naming both', (declared) => {
    const e = thrown(() =>
      ingest(params({ csv_paths: [hourly()], start: '2024-01-01', end: '2024-03-31', frequency: declared })),
    );
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toContain(`is ${declared} but HRLY's bars are 1h`);
  });

  it('daily data declared as 5m is refused (it would be annualised ×75 too high)', () => {
    const f = dailyCsv('DLY.csv', weekdays('2024-01-08', 40));
    const e = thrown(() =>
      ingest(params({ csv_paths: [f], start: '2024-01-01', end: '2024-12-31', frequency: '5m' })),
    );
    expect(e.message).toContain("is 5m but DLY's bars are 1d");
  });

  it('infers every supported spacing and refuses an unsupported one', () => {
    const grid = (step: number) => Float64Array.from({ length: 50 }, (_, i) => i * step);
    expect(inferFrequency(grid(60_000)).frequency).toBe('1m');
    expect(inferFrequency(grid(900_000)).frequency).toBe('15m');
    expect(inferFrequency(grid(1_800_000)).frequency).toBe('30m');
    expect(inferFrequency(grid(7 * 86_400_000)).frequency).toBe('1wk');
    expect(inferFrequency(grid(2 * 3_600_000)).frequency).toBeNull();
    // 24/7 hourly: 24 bars a session, 365 sessions.
    expect(barsPerYear('1h', { openMinute: 0, closeMinute: 1440, daysPerYear: 365 })).toBe(8760);
    expect(barsPerYear('5m')).toBe(252 * 75);
  });

  it('a 24-hour market: session 00:00–24:00, 365 days', () => {
    const rows: string[] = [];
    for (let i = 0; i < 24 * 10; i++) {
      const t = new Date(Date.UTC(2024, 0, 6) + i * 3_600_000).toISOString();
      const c = 40000 + ((i * 13) % 17);
      rows.push(`${t},${c},${c + 5},${c - 5},${c},${2}`);
    }
    const f = writeTemp('BTC.csv', `${H}\n${rows.join('\n')}\n`);
    const r = validateParams({
      base: { exchange_tz: 'UTC' },
      data: {
        source: 'csv',
        csv_paths: [f],
        start: '2024-01-06',
        end: '2024-01-15',
        session: { open: '00:00', close: '24:00', days_per_year: 365 },
      },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const out = ingest(r.value);
    expect(out.report.frequency).toBe('1h');
    expect(out.report.bars_per_year).toBe(8760);
    expect(out.series[0].ts.length).toBe(240); // weekend bars kept
  });
});

describe('prices: adjustment and suspected splits', () => {
  const dates = weekdays('2024-01-08', 60);
  // A 2:1 split before bar 30: raw closes halve; Adj Close is back-adjusted.
  const raw = (i: number) => (i < 30 ? 200 + (i % 3) : 100 + (i % 3));
  const adj = (i: number) => (i < 30 ? (200 + (i % 3)) / 2 : 100 + (i % 3));
  const file = () =>
    writeTemp(
      'SPLT.csv',
      `Date,Open,High,Low,Close,Adj Close,Volume\n${dates
        .map((d, i) => `${d},${raw(i)},${raw(i) + 1},${raw(i) - 1},${raw(i)},${adj(i)},1000`)
        .join('\n')}\n`,
    );
  const base = () => ({ csv_paths: [file()], start: '2024-01-01', end: '2024-12-31' });

  it('raw prices (adjust: none): the split is reported with date and ratio (warn)', () => {
    const r = ingest(params({ ...base(), adjust: 'none' }));
    expect(r.report.suspected_splits).toHaveLength(1);
    const s = r.report.suspected_splits[0];
    // Bar 29 closes 200 + 29 % 3 = 202; bar 30 closes 100 + 0 = 100: ratio 100/202.
    expect(s).toMatchObject({
      symbol: 'SPLT',
      date: dates[30],
      previous_close: 202,
      close: 100,
      hint: '2:1 split?',
    });
    expect(s.ratio).toBeCloseTo(100 / 202, 12);
    expect(r.report.quality.findings.map((f) => f.check)).toEqual(['suspected_split']);
    expect(r.report.adjustment).toEqual({ mode: 'none', adjusted: [], raw: ['SPLT'] });
  });

  it('on_suspected_split: error stops ingest naming the symbol and date', () => {
    const e = thrown(() => ingest(params({ ...base(), adjust: 'none', on_suspected_split: 'error' })));
    expect(e).toBeInstanceOf(DataValidationError);
    expect(e.message).toContain(`SPLT ${dates[30]}: close 202 → 100`);
  });

  it('adjust: auto uses Adj Close and the split disappears', () => {
    const r = ingest(params(base()));
    expect(r.report.suspected_splits).toEqual([]);
    expect(r.report.adjustment.adjusted).toEqual(['SPLT']);
    expect(r.series[0].close[29]).toBeCloseTo(101, 12);
    expect(r.series[0].close[30]).toBeCloseTo(100, 12);
  });
});

describe('quality gates on constant prices and zero volume', () => {
  const dates = weekdays('2024-01-08', 80);
  const real = () => dailyCsv('REAL.csv', dates);
  const flat = () => dailyCsv('FLAT.csv', dates, () => 50);

  it('a constant-price symbol is an error by default, naming it and the share', () => {
    const e = thrown(() =>
      ingest(params({ csv_paths: [real(), flat()], start: '2024-01-01', end: '2024-12-31' })),
    );
    expect(e).toBeInstanceOf(DataValidationError);
    expect(e.message).toContain('FLAT: 100.0% of 80 bars close unchanged');
    expect(e.message).not.toContain('REAL:');
  });

  it('drop removes it (recorded), warn keeps it (recorded)', () => {
    const d = ingest(
      params({
        csv_paths: [real(), flat()],
        start: '2024-01-01',
        end: '2024-12-31',
        quality: { constant_prices: 'drop' },
      }),
    );
    expect(d.series.map((s) => s.symbol)).toEqual(['REAL']);
    expect(d.report.quality.dropped).toEqual(['FLAT']);
    expect(d.report.symbols).toEqual(['REAL']);
    const w = ingest(
      params({
        csv_paths: [real(), flat()],
        start: '2024-01-01',
        end: '2024-12-31',
        quality: { constant_prices: 'warn' },
      }),
    );
    expect(w.series.map((s) => s.symbol)).toEqual(['FLAT', 'REAL']);
    expect(w.report.quality.findings).toMatchObject([
      { check: 'constant_prices', symbol: 'FLAT', action: 'warn' },
    ]);
  });

  it('all-zero volume is a warning by default and an error when asked', () => {
    const rows = dates.map(
      (d, i) => `${d},${100 + (i % 5)},${102 + (i % 5)},${99 + (i % 5)},${100 + (i % 5)},0`,
    );
    const z = writeTemp('IDX.csv', `${H}\n${rows.join('\n')}\n`);
    const r = ingest(params({ csv_paths: [z], start: '2024-01-01', end: '2024-12-31' }));
    expect(r.report.quality.findings).toMatchObject([
      { check: 'zero_volume', symbol: 'IDX', action: 'warn' },
    ]);
    expect(r.report.quality.per_symbol.IDX.zero_volume).toBe(true);
    const e = thrown(() =>
      ingest(
        params({ csv_paths: [z], start: '2024-01-01', end: '2024-12-31', quality: { zero_volume: 'error' } }),
      ),
    );
    expect(e.message).toContain('IDX: volume is zero on all 80 bars');
  });
});

describe('calendar warnings: bars outside the session, weekend bars', () => {
  it('New York hourly bars read with the default NSE zone start outside the session (warning)', () => {
    const rows: string[] = [];
    for (const d of weekdays('2024-01-08', 10))
      for (let h = 15; h <= 20; h++) rows.push(`${d}T${h}:30:00Z,10,11,9,10.${h},100`);
    const f = writeTemp('NYH.csv', `${H}\n${rows.join('\n')}\n`);
    const r = validateParams({
      data: { source: 'csv', csv_paths: [f], start: '2024-01-01', end: '2024-12-31' },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const out = ingest(r.value);
    // 15:30Z … 20:30Z is 21:00 … 02:00 IST: every bar is outside 09:15–15:30 Asia/Kolkata.
    expect(out.report.quality.per_symbol.NYH.outside_session).toBe(60);
    expect(out.report.quality.findings.map((x) => x.check)).toContain('outside_session');
  });

  it('daily bars on weekends are flagged on a weekday calendar', () => {
    const rows = ['2024-01-05', '2024-01-06', '2024-01-07', '2024-01-08'].map(
      (d, i) => `${d},10,11,9,${10 + i * 0.1},100`,
    );
    const f = writeTemp('WKND.csv', `${H}\n${rows.join('\n')}\n`);
    const out = ingest(params({ csv_paths: [f], start: '2024-01-01', end: '2024-12-31' }));
    expect(out.report.quality.per_symbol.WKND.weekend).toBe(2);
    expect(out.report.quality.findings).toMatchObject([
      { check: 'weekend_bars', symbol: 'WKND', action: 'warn' },
    ]);
  });
});
