import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataValidationError } from '../../src/core/index.js';
import { importCsvFiles, localDate } from '../../src/data/index.js';
import { tempDir, writeTemp } from './tmp-files.js';

const H = 'ts,open,high,low,close,volume';
const NY = { tz: 'America/New_York', onBadRows: 'error' as const };
const IST = { tz: 'Asia/Kolkata', onBadRows: 'error' as const };

function caught(fn: () => unknown): DataValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DataValidationError);
    return e as DataValidationError;
  }
  throw new Error('expected a DataValidationError');
}

describe('symbol names become file names only when safe', () => {
  it.each([
    ['../../../x/evil', 'path separator /'],
    ['a/b', 'path separator /'],
    ['..', 'only of dots'],
    ['A\0B', 'NUL'],
    ['', 'empty symbol'],
    ['X'.repeat(33), 'longer than 32'],
  ])('refuses symbol %j naming file and line', (sym, why) => {
    const f = writeTemp('multi.csv', `symbol,${H}\nTCS,2024-01-02,1,1,1,1,1\n${sym},2024-01-03,1,1,1,1,1\n`);
    const e = caught(() => importCsvFiles([f], IST));
    expect(e.issues[0]).toMatchObject({ file: f, line: 3, path: 'symbol' });
    expect(e.issues[0].message).toContain(why);
  });

  it('accepts tickers with . - _ & (RELIANCE.NS, BRK-B, M&M, A_B)', () => {
    const f = writeTemp(
      'multi.csv',
      `symbol,${H}\nRELIANCE.NS,2024-01-02,1,1,1,1,1\nBRK-B,2024-01-02,1,1,1,1,1\nM&M,2024-01-02,1,1,1,1,1\nA_B,2024-01-02,1,1,1,1,1\n`,
    );
    expect(importCsvFiles([f], IST).series.map((s) => s.symbol)).toEqual([
      'A_B',
      'BRK-B',
      'M&M',
      'RELIANCE.NS',
    ]);
  });

  it('refuses a file whose name is not a usable symbol (no symbol column)', () => {
    const dir = tempDir();
    const f = join(dir, 'my prices.csv');
    writeFileSync(f, `${H}\n2024-01-02,1,1,1,1,1\n`);
    const e = caught(() => importCsvFiles([f], IST));
    expect(e.issues[0]).toMatchObject({ file: f, line: 1, path: 'symbol', value: 'MY PRICES' });
  });
});

describe('bounded reads', () => {
  it('refuses a file above the size limit before reading it', () => {
    const rows = Array.from({ length: 9 }, (_, i) => `2024-01-0${i + 1},1,1,1,1,1\n`).join('');
    const f = writeTemp('big.csv', `${H}\n${rows}`);
    // header 30 bytes + 9 × 21 = 219 bytes.
    const e = caught(() => importCsvFiles([f], { ...IST, maxBytes: 218 }));
    expect(e.issues[0]).toMatchObject({ file: f, path: 'file' });
    expect(e.issues[0].message).toMatch(/above the 0\.0 MiB limit/);
    expect(e.issues[0].fix).toMatch(/data\.max_csv_mb/);
    expect(importCsvFiles([f], { ...IST, maxBytes: 219 }).report.rowsRead).toBe(9);
  });

  it('streams files larger than one read chunk (1 MiB) without splitting lines', () => {
    const n = 60_000; // ~2.3 MiB of rows: lines straddle chunk boundaries
    const t0 = Date.UTC(2020, 0, 1);
    const rows: string[] = [];
    for (let i = 0; i < n; i++) {
      const ts = new Date(t0 + i * 60_000).toISOString();
      rows.push(`${ts},${100 + (i % 7)},${110 + (i % 7)},90,${100 + (i % 7)},${i}`);
    }
    const body = `${H}\n${rows.join('\n')}\n`;
    expect(body.length).toBeGreaterThan(2 * 1048576);
    const f = writeTemp('long.csv', body);
    const [s] = importCsvFiles([f], IST).series;
    expect(s.ts.length).toBe(n);
    expect(s.volume[n - 1]).toBe(n - 1);
    expect(s.close[12345]).toBe(100 + (12345 % 7));
  });

  it('refuses a directory where a file is expected', () => {
    const d = join(tempDir(), 'X.csv');
    mkdirSync(d);
    expect(caught(() => importCsvFiles([d], IST)).issues[0].message).toMatch(/directory/);
  });
});

describe('spreadsheet and Yahoo quirks', () => {
  it('skips Excel trailing ,,,,, rows like blank lines', () => {
    const f = writeTemp(
      'x.csv',
      `${H}\n2024-01-02,1,1,1,1,1\n2024-01-03,2,2,2,2,2\n,,,,,\n,,,,,\r\n , ,,,,\n`,
    );
    const { series, report } = importCsvFiles([f], IST);
    expect([...series[0].close]).toEqual([1, 2]);
    expect(report.rowsRead).toBe(2);
  });

  it("a ';'-separated file gets a hint about the delimiter", () => {
    const f = writeTemp('semi.csv', 'Date;Open;High;Low;Close;Volume\n2024-01-02;1,5;1,5;1,5;1,5;10\n');
    const e = caught(() => importCsvFiles([f], IST));
    expect(e.issues[0]).toMatchObject({ file: f, line: 1, path: 'header' });
    expect(e.issues[0].message).toContain("';'");
    expect(e.issues[0].fix).toContain("','");
  });

  it('Yahoo null rows: the message mentions on_bad_rows: skip, and skip drops them', () => {
    const body =
      'Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,10,11,9,10,10,5\n2024-01-03,null,null,null,null,null,null\n2024-01-04,10,11,9,10.5,10.5,5\n';
    const f = writeTemp('Y.csv', body);
    const e = caught(() => importCsvFiles([f], IST));
    expect(e.issues[0]).toMatchObject({ line: 3, path: 'Open', value: 'null' });
    expect(e.issues[0].message).toContain('null');
    expect(e.issues[0].fix).toContain('data.on_bad_rows: skip');
    const ok = importCsvFiles([f], { ...IST, onBadRows: 'skip' });
    expect([...ok.series[0].close]).toEqual([10, 10.5]);
    expect(ok.report.rowsSkipped).toBe(1);
  });
});

describe('price adjustment (Adj Close)', () => {
  // A 2:1 split on 2024-01-04: raw close 200 → 100; Yahoo's Adj Close is back-adjusted (100, 100.5, 101).
  const body =
    'Date,Open,High,Low,Close,Adj Close,Volume\n' +
    '2024-01-02,198,202,196,200,100,1000\n' +
    '2024-01-03,200,204,198,201,100.5,1000\n' +
    '2024-01-04,101,102,99,101,101,2000\n';

  it("'auto' scales OHLC by adj/close and volume inversely", () => {
    const f = writeTemp('S.csv', body);
    const { series, symbols } = importCsvFiles([f], { ...IST, adjust: 'auto' });
    const s = series[0];
    // factor day 1 = 100/200 = 0.5; day 2 = 100.5/201 = 0.5; day 3 = 1.
    expect([...s.open]).toEqual([99, 100, 101]);
    expect([...s.high]).toEqual([101, 102, 102]);
    expect([...s.low]).toEqual([98, 99, 99]);
    expect([...s.close]).toEqual([100, 100.5, 101]);
    expect([...s.volume]).toEqual([2000, 2000, 2000]);
    expect(symbols.S.adjusted).toBe(true);
  });

  it("'none' keeps raw prices; 'adj_close' requires the column", () => {
    const f = writeTemp('S.csv', body);
    expect([...importCsvFiles([f], { ...IST, adjust: 'none' }).series[0].close]).toEqual([200, 201, 101]);
    const g = writeTemp('T.csv', `${H}\n2024-01-02,1,1,1,1,1\n`);
    expect(importCsvFiles([g], { ...IST, adjust: 'auto' }).symbols.T.adjusted).toBe(false);
    const e = caught(() => importCsvFiles([g], { ...IST, adjust: 'adj_close' }));
    expect(e.issues[0].message).toContain('no Adj Close column');
  });
});

describe('session dates and time zones', () => {
  it('a midnight with an offset keeps its written date for New York daily bars (no Sunday bars)', () => {
    // Mon 2024-01-08 … Wed 2024-01-10 written as midnight +05:30, Z and naive: all are NY sessions
    // Mon–Wed. Read as instants, the +05:30 and Z midnights fall on Sunday/Monday evening in New York.
    const rows = [
      '2024-01-08T00:00:00+05:30,1,1,1,1,1',
      '2024-01-09T00:00:00Z,1,1,1,1,1',
      '2024-01-10,1,1,1,1,1',
    ];
    const f = writeTemp('AAPL.csv', `${H}\n${rows.join('\n')}\n`);
    const { series, symbols } = importCsvFiles([f], NY);
    expect(symbols.AAPL.frequency).toBe('1d');
    expect([...series[0].ts].map((t) => localDate(t, 'America/New_York'))).toEqual([
      '2024-01-08',
      '2024-01-09',
      '2024-01-10',
    ]);
    // Stamped at 00:00 New York (EST = UTC−5).
    expect(series[0].ts[0]).toBe(Date.UTC(2024, 0, 8, 5));
  });

  it('naive 5-minute bars read in the exchange zone across the fall-back DST change', () => {
    // 2024-11-03 New York: 01:00–01:59 happens twice (EDT, then EST). A sorted file writes
    // 00:55, 01:00 … 01:55, 01:00 … 01:55, 02:00.
    const rows: string[] = ['2024-11-03 00:55,1,1,1,1,1'];
    for (let k = 0; k < 2; k++)
      for (let m = 0; m < 60; m += 5) rows.push(`2024-11-03 01:${String(m).padStart(2, '0')},1,1,1,1,1`);
    rows.push('2024-11-03 02:00,1,1,1,1,1');
    const f = writeTemp('ES.csv', `${H}\n${rows.join('\n')}\n`);
    const [s] = importCsvFiles([f], NY).series;
    // 00:55 EDT = 04:55Z; then every 5 minutes without a gap or a duplicate through 02:00 EST = 07:00Z.
    expect(s.ts.length).toBe(26);
    expect(s.ts[0]).toBe(Date.UTC(2024, 10, 3, 4, 55));
    for (let i = 1; i < s.ts.length; i++) expect(s.ts[i] - s.ts[i - 1]).toBe(300_000);
    expect(s.ts[25]).toBe(Date.UTC(2024, 10, 3, 7, 0));
  });

  it('names the repeated hour when a wall time appears a third time', () => {
    const rows = ['2024-11-03 01:30,1,1,1,1,1', '2024-11-03 01:30,1,1,1,1,1', '2024-11-03 01:30,1,1,1,1,1'];
    const f = writeTemp('ES.csv', `${H}\n${rows.join('\n')}\n`);
    const e = caught(() => importCsvFiles([f], NY));
    expect(e.issues[0]).toMatchObject({ line: 4, path: 'ts' });
    expect(e.issues[0].message).toMatch(/repeated when America\/New_York falls back from DST/);
  });

  it('names a wall time inside the spring-forward gap as nonexistent', () => {
    const f = writeTemp('ES.csv', `${H}\n2024-03-10 01:55,1,1,1,1,1\n2024-03-10 02:30,1,1,1,1,1\n`);
    const e = caught(() => importCsvFiles([f], NY));
    expect(e.issues[0]).toMatchObject({ line: 3, path: 'ts', value: '2024-03-10 02:30' });
    expect(e.issues[0].message).toMatch(/does not exist in America\/New_York.*DST/);
  });

  it('infers hourly bars (1h) from their spacing', () => {
    const rows = ['09:15', '10:15', '11:15', '12:15', '13:15', '14:15', '15:15'].flatMap((t) => [
      `2024-01-02 ${t},1,1,1,1,1`,
    ]);
    const rows2 = ['09:15', '10:15', '11:15', '12:15', '13:15', '14:15', '15:15'].map(
      (t) => `2024-01-03 ${t},1,1,1,1,1`,
    );
    const f = writeTemp('H.csv', `${H}\n${[...rows, ...rows2].join('\n')}\n`);
    const { symbols } = importCsvFiles([f], IST);
    expect(symbols.H.frequency).toBe('1h');
    expect(symbols.H.medianSpacingMs).toBe(3_600_000);
  });
});
