import { describe, expect, it } from 'vitest';
import { DataValidationError } from '../../src/core/index.js';
import { importCsvFiles } from '../../src/data/index.js';
import { writeTemp } from './tmp-files.js';

const IST = { tz: 'Asia/Kolkata', onBadRows: 'error' as const };
const H = 'ts,open,high,low,close,volume';
// 2024-01-02 09:15 IST = 2024-01-02T03:45:00Z; the next 5-minute bar is 300 000 ms later.
const T0915 = Date.UTC(2024, 0, 2, 3, 45);

describe('importCsvFiles: formats', () => {
  it('reads naive timestamps as exchange-local time', () => {
    const f = writeTemp(
      'reliance.csv',
      `${H}\n2024-01-02 09:15,100,101,99.5,100.5,1000\n2024-01-02 09:20:00,100.5,102,100,101.25,2000\n`,
    );
    const { series, report } = importCsvFiles([f], IST);
    expect(series).toHaveLength(1);
    const b = series[0];
    expect(b.symbol).toBe('RELIANCE');
    expect(b.tz).toBe('Asia/Kolkata');
    expect([...b.ts]).toEqual([T0915, T0915 + 300_000]);
    expect([...b.open]).toEqual([100, 100.5]);
    expect([...b.high]).toEqual([101, 102]);
    expect([...b.low]).toEqual([99.5, 100]);
    expect([...b.close]).toEqual([100.5, 101.25]);
    expect([...b.volume]).toEqual([1000, 2000]);
    expect(report).toEqual({ files: [f], rowsRead: 2, rowsAccepted: 2, rowsSkipped: 0, examples: [] });
  });

  it('gives the same instants for offset, Z and mixed naive/offset timestamps', () => {
    const rows = [
      '2024-01-02T09:15:00+05:30,1,1,1,1,1',
      '2024-01-02T03:50:00Z,1,1,1,1,1',
      '2024-01-02 09:25,1,1,1,1,1',
      '2024-01-02T09:30:00+0530,1,1,1,1,1',
      '2024-01-01T23:05:00-05:00,1,1,1,1,1', // = 04:05Z = 09:35 IST
    ];
    const f = writeTemp('x.csv', `${H}\n${rows.join('\n')}\n`);
    const [b] = importCsvFiles([f], IST).series;
    expect([...b.ts]).toEqual([0, 1, 2, 3, 4].map((k) => T0915 + k * 300_000));
  });

  it('reads the Yahoo format, using Close rather than Adj Close', () => {
    const f = writeTemp(
      'INFY.NS.csv',
      'Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-01,1500,1520,1490,1510,1450.123,5000000\n2024-01-02,1510,1530,1500,1525,1464.5,4000000\n',
    );
    const [b] = importCsvFiles([f], IST).series;
    expect(b.symbol).toBe('INFY.NS');
    expect([...b.close]).toEqual([1510, 1525]);
    // Daily dates are local midnight: 2024-01-01 00:00 IST = 2023-12-31T18:30Z.
    expect([...b.ts]).toEqual([Date.UTC(2023, 11, 31, 18, 30), Date.UTC(2024, 0, 1, 18, 30)]);
  });

  it('splits a multi-symbol file by its symbol column (case-insensitive header, sorted output)', () => {
    const f = writeTemp(
      'all.csv',
      'Symbol,TS,Open,High,Low,Close,Volume\ntcs,2024-01-02,10,11,9,10,5\nINFY,2024-01-02,20,21,19,20,6\nTCS,2024-01-03,10,12,10,11,7\n',
    );
    const { series, report } = importCsvFiles([f], IST);
    expect(series.map((s) => s.symbol)).toEqual(['INFY', 'TCS']);
    expect([...series[1].close]).toEqual([10, 11]);
    expect([...series[0].volume]).toEqual([6]);
    expect(report.rowsAccepted).toBe(3);
  });

  it('handles a BOM, CRLF, quoted fields and blank trailing lines', () => {
    const f = writeTemp(
      'q.csv',
      `\uFEFF"ts","open","high","low","close","volume"\r\n"2024-01-02 09:15",100,"101.5",99,"100",  "1,000"\r\n\r\n\r\n`,
    );
    // "1,000" stays one field (quoted) but is not a plain number, so it is reported, not misread.
    expect(() => importCsvFiles([f], IST)).toThrow(/volume: not a number \(got "1,000"\)/);
    const g = writeTemp(
      'q.csv',
      `\uFEFF"ts","open","high","low","close","volume"\r\n"2024-01-02 09:15",100,"101.5",99,"100","1000"\r\n\r\n\r\n`,
    );
    const { series, report } = importCsvFiles([g], IST);
    expect([...series[0].high]).toEqual([101.5]);
    expect([...series[0].volume]).toEqual([1000]);
    expect(report.rowsRead).toBe(1);
  });

  it('uses opts.symbol and concatenates files of one symbol in order', () => {
    const a = writeTemp('part1.csv', `${H}\n2024-01-02,1,1,1,1,1\n`);
    const b = writeTemp('part2.csv', `${H}\n2024-01-03,2,2,2,2,2\n`);
    const { series } = importCsvFiles([a, b], { ...IST, symbol: 'wipro' });
    expect(series.map((s) => s.symbol)).toEqual(['WIPRO']);
    expect([...series[0].close]).toEqual([1, 2]);
  });
});

/** Asserts that importing `body` throws a DataValidationError naming file, line and value. */
function expectBad(body: string, line: number, value: string, column: string): void {
  const f = writeTemp('bad.csv', body);
  let err: unknown;
  try {
    importCsvFiles([f], IST);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(DataValidationError);
  const e = err as DataValidationError;
  expect(e.message).toContain(`${f}:${line}`);
  expect(e.message).toContain(JSON.stringify(value));
  expect(e.message).toContain('fix:');
  expect(e.issues[0]).toMatchObject({ file: f, line, path: column, value });
}

describe('importCsvFiles: bad rows are errors naming file, line, column and value', () => {
  const ok = '2024-01-02,100,101,99,100,10';
  it.each([
    ['unparsable number', `${H}\n${ok}\n2024-01-03,100,abc,99,100,10\n`, 3, 'abc', 'high'],
    [
      'Yahoo null',
      `Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-03,null,null,null,null,null,null\n`,
      2,
      'null',
      'Open',
    ],
    ['empty cell', `${H}\n${ok}\n2024-01-03,100,101,99,,10\n`, 3, '', 'close'],
    ['zero price', `${H}\n${ok}\n2024-01-03,0,101,99,100,10\n`, 3, '0', 'open'],
    ['negative price', `${H}\n${ok}\n2024-01-03,100,101,-99,100,10\n`, 3, '-99', 'low'],
    ['high below max(open, close)', `${H}\n${ok}\n2024-01-03,100,101,99,102,10\n`, 3, '101', 'high'],
    ['low above min(open, close)', `${H}\n${ok}\n\n2024-01-03,100,101,100.5,100.7,10\n`, 4, '100.5', 'low'],
    ['negative volume', `${H}\n${ok}\n2024-01-03,100,101,99,100,-5\n`, 3, '-5', 'volume'],
    ['duplicate timestamp', `${H}\n${ok}\n2024-01-02,100,101,99,100,10\n`, 3, '2024-01-02', 'ts'],
    ['out-of-order timestamp', `${H}\n${ok}\n2024-01-01,100,101,99,100,10\n`, 3, '2024-01-01', 'ts'],
    ['unparsable timestamp', `${H}\n${ok}\n03/01/2024,100,101,99,100,10\n`, 3, '03/01/2024', 'ts'],
    ['wrong field count', `${H}\n${ok}\n2024-01-03,100,101,99,100\n`, 3, '2024-01-03,100,101,99,100', 'row'],
  ])('%s', (_name, body, line, value, column) => {
    expectBad(body, line, value, column);
  });

  it('names duplicate and out-of-order timestamps as such', () => {
    const dup = writeTemp('d.csv', `${H}\n2024-01-02,1,1,1,1,1\n2024-01-02,1,1,1,1,1\n`);
    expect(() => importCsvFiles([dup], IST)).toThrow(/duplicate timestamp for D/);
    const ooo = writeTemp('o.csv', `${H}\n2024-01-02,1,1,1,1,1\n2024-01-01,1,1,1,1,1\n`);
    expect(() => importCsvFiles([ooo], IST)).toThrow(/out-of-order timestamp/);
  });

  it('checks ordering per symbol, not across symbols', () => {
    const f = writeTemp(
      'm.csv',
      `symbol,${H}\nA,2024-01-03,1,1,1,1,1\nB,2024-01-02,1,1,1,1,1\nA,2024-01-02,1,1,1,1,1\n`,
    );
    expect(() => importCsvFiles([f], IST)).toThrow(new RegExp(`${f}:4 ts: out-of-order`));
  });

  it('rejects an empty file', () => {
    const f = writeTemp('empty.csv', '\uFEFF\r\n\n');
    expect(() => importCsvFiles([f], IST)).toThrow(DataValidationError);
    expect(() => importCsvFiles([f], IST)).toThrow(new RegExp(`${f}:1 file: empty file`));
  });

  it('rejects a header without rows', () => {
    const f = writeTemp('hdr.csv', `${H}\n`);
    expect(() => importCsvFiles([f], IST)).toThrow(/no data rows/);
  });

  it('names the missing columns and the accepted headers', () => {
    const f = writeTemp('cols.csv', 'date,open,close\n2024-01-02,1,1\n');
    expect(() => importCsvFiles([f], IST)).toThrow(DataValidationError);
    expect(() => importCsvFiles([f], IST)).toThrow(/missing column\(s\): high, low, volume/);
    expect(() => importCsvFiles([f], IST)).toThrow(/Date,Open,High,Low,Close,Adj Close,Volume/);
    expect(() => importCsvFiles([f], { ...IST, onBadRows: 'skip' })).toThrow(/missing column/);
  });

  it('names a file that does not exist', () => {
    expect(() => importCsvFiles(['/nonexistent/dir/TCS.csv'], IST)).toThrow(DataValidationError);
    expect(() => importCsvFiles(['/nonexistent/dir/TCS.csv'], IST)).toThrow(
      /\/nonexistent\/dir\/TCS\.csv.*does not exist/,
    );
  });

  it('rejects an unknown timezone', () => {
    const f = writeTemp('t.csv', `${H}\n2024-01-02,1,1,1,1,1\n`);
    expect(() => importCsvFiles([f], { tz: 'Asia/Nowhere', onBadRows: 'error' })).toThrow(
      DataValidationError,
    );
  });

  it('lists several bad rows at once, counting all of them', () => {
    const rows = Array.from(
      { length: 25 },
      (_, i) => `2024-01-${String(i + 2).padStart(2, '0')},1,0.5,1,1,1`,
    );
    const f = writeTemp('many.csv', `${H}\n${rows.join('\n')}\n`);
    try {
      importCsvFiles([f], IST);
      expect.unreachable();
    } catch (e) {
      expect((e as DataValidationError).issues).toHaveLength(20);
      expect((e as Error).message).toMatch(/^25 bad row\(s\).*first 20 shown/);
    }
  });
});

describe("importCsvFiles: onBadRows 'skip'", () => {
  it('drops bad rows, counts them and returns the first examples', () => {
    const body = [
      H,
      '2024-01-02,100,101,99,100,10',
      '2024-01-03,100,abc,99,100,10', // line 3: bad number
      '2024-01-03,100,101,99,100,10',
      '2024-01-03,100,101,99,100,10', // line 5: duplicate
      '2024-01-04,100,99,98,100,10', // line 6: high below close
      '2024-01-05,100,101,99,100,-1', // line 7: negative volume
      '2024-01-08,100,101,99,100,0',
    ].join('\n');
    const f = writeTemp('s.csv', `${body}\n`);
    const { series, report } = importCsvFiles([f], { ...IST, onBadRows: 'skip' });
    expect(series[0].ts.length).toBe(3);
    expect([...series[0].volume]).toEqual([10, 10, 0]);
    expect(report.rowsRead).toBe(7);
    expect(report.rowsAccepted).toBe(3);
    expect(report.rowsSkipped).toBe(4);
    expect(report.examples.map((i) => [i.line, i.path, i.value])).toEqual([
      [3, 'high', 'abc'],
      [5, 'ts', '2024-01-03'],
      [6, 'high', '99'],
      [7, 'volume', '-1'],
    ]);
    expect(report.examples.every((i) => i.file === f && typeof i.fix === 'string')).toBe(true);
  });

  it('keeps only the first 20 examples', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `2024-01-02 10:${String(i + 10)},1,1,1,1,x`);
    const f = writeTemp('s.csv', `${H}\n${rows.join('\n')}\n`);
    const { series, report } = importCsvFiles([f], { ...IST, onBadRows: 'skip' });
    expect(series).toEqual([]);
    expect(report.rowsSkipped).toBe(30);
    expect(report.examples).toHaveLength(20);
    expect(report.examples[19].line).toBe(21);
  });
});
