import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataValidationError } from '../../src/core/index.js';
import {
  allocBars,
  type BarSeries,
  generateSyntheticMarket,
  importCsvFiles,
  writeBarsCsv,
} from '../../src/data/index.js';
import { tempDir } from './tmp-files.js';

const sameBits = (a: Float64Array, b: Float64Array): boolean =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

function expectIdentical(a: BarSeries, b: BarSeries): void {
  expect(b.symbol).toBe(a.symbol);
  expect(b.tz).toBe(a.tz);
  for (const k of ['ts', 'open', 'high', 'low', 'close', 'volume'] as const) {
    expect(sameBits(a[k], b[k]), k).toBe(true);
  }
}

describe('writeBarsCsv', () => {
  it('writes exactly ts,open,high,low,close,volume with offset timestamps', () => {
    const b = allocBars('TCS', 'Asia/Kolkata', 2);
    b.ts.set([Date.UTC(2024, 0, 1, 18, 30), Date.UTC(2024, 0, 2, 18, 30)]);
    b.open.set([3700.5, 0.1 + 0.2]);
    b.high.set([3750, 1]);
    b.low.set([3690.25, 0.25]);
    b.close.set([3720, 0.5]);
    b.volume.set([1234567, 0]);
    const p = join(tempDir(), 'raw', 'TCS.csv');
    writeBarsCsv(p, b);
    expect(readFileSync(p, 'utf8')).toBe(
      'ts,open,high,low,close,volume\n' +
        '2024-01-02T00:00:00+05:30,3700.5,3750,3690.25,3720,1234567\n' +
        '2024-01-03T00:00:00+05:30,0.30000000000000004,1,0.25,0.5,0\n',
    );
  });

  it('refuses to write invalid bars', () => {
    const b = allocBars('BAD', 'Asia/Kolkata', 1);
    b.open[0] = 10;
    b.high[0] = 9;
    b.low[0] = 8;
    b.close[0] = 10;
    expect(() => writeBarsCsv(join(tempDir(), 'BAD.csv'), b)).toThrow(DataValidationError);
  });
});

describe('write → import round trip', () => {
  it('is bit-exact for synthetic daily bars of every symbol', () => {
    const dir = tempDir();
    const market = generateSyntheticMarket({
      seed: 42,
      start: '2022-01-01',
      end: '2024-12-31',
      frequency: '1d',
    });
    const files = market.map((b) => {
      const p = join(dir, `${b.symbol}.csv`);
      writeBarsCsv(p, b);
      return p;
    });
    const { series, report } = importCsvFiles(files, { tz: 'Asia/Kolkata', onBadRows: 'error' });
    const expected = [...market].sort((a, b) => (a.symbol < b.symbol ? -1 : 1));
    expect(series.map((s) => s.symbol)).toEqual(expected.map((s) => s.symbol));
    for (let i = 0; i < series.length; i++) expectIdentical(expected[i], series[i]);
    expect(report.rowsAccepted).toBe(market.length * market[0].ts.length);
  });

  it('is bit-exact for 5-minute bars and awkward doubles in a DST zone', () => {
    const [b] = generateSyntheticMarket({
      seed: 9,
      symbols: ['AAPL'],
      start: '2024-03-01',
      end: '2024-03-20', // spans the 2024-03-10 US DST switch
      frequency: '5m',
      tz: 'America/New_York',
    });
    // Unrounded prices with full 17-digit mantissas, and a millisecond timestamp.
    for (let i = 0; i < b.ts.length; i++) {
      const f = 1 + ((i * 7919) % 1000) / 3e7;
      b.open[i] *= f;
      b.close[i] *= f;
      b.high[i] *= f * (1 + 1e-12);
      b.low[i] *= f / (1 + 1e-12);
    }
    b.ts[5] += 123;
    const p = join(tempDir(), 'AAPL.csv');
    writeBarsCsv(p, b);
    const { series } = importCsvFiles([p], { tz: 'America/New_York', onBadRows: 'error' });
    expectIdentical(b, series[0]);
  });
});
