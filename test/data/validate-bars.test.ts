import { describe, expect, it } from 'vitest';
import { allocBars, type BarSeries, validateBars } from '../../src/data/index.js';

function bars(rows: number[][]): BarSeries {
  const b = allocBars('X', 'Asia/Kolkata', rows.length);
  rows.forEach(([t, o, h, l, c, v], i) => {
    b.ts[i] = t;
    b.open[i] = o;
    b.high[i] = h;
    b.low[i] = l;
    b.close[i] = c;
    b.volume[i] = v;
  });
  return b;
}

const good = [1000, 10, 11, 9, 10.5, 100];

describe('validateBars', () => {
  it('accepts valid bars (zero volume allowed)', () => {
    expect(validateBars(bars([good, [2000, 10.5, 10.5, 10.5, 10.5, 0]]))).toEqual([]);
    expect(validateBars([])).toEqual([]);
  });

  it.each([
    ['zero price', [2000, 0, 11, 9, 10, 1], 'X[1].open', /> 0/],
    ['NaN price', [2000, 10, Number.NaN, 9, 10, 1], 'X[1].high', /finite/],
    ['high below body', [2000, 10, 10.2, 9, 10.4, 1], 'X[1].high', /below max/],
    ['low above body', [2000, 10, 11, 10.1, 10.4, 1], 'X[1].low', /above min/],
    ['negative volume', [2000, 10, 11, 9, 10, -1], 'X[1].volume', />= 0/],
    ['duplicate ts', [1000, 10, 11, 9, 10, 1], 'X[1].ts', /duplicate/],
    ['out-of-order ts', [500, 10, 11, 9, 10, 1], 'X[1].ts', /out-of-order/],
    ['fractional ts', [1000.5, 10, 11, 9, 10, 1], 'X[1].ts', /whole/],
  ])('flags %s', (_name, row, path, msg) => {
    const issues = validateBars(bars([good, row as number[]]));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe(path);
    expect(issues[0].message).toMatch(msg);
  });

  it('flags columns of different lengths', () => {
    const b = bars([good, good]);
    b.close = b.close.subarray(0, 1);
    expect(validateBars(b)[0].message).toMatch(/lengths differ/);
  });

  it('caps the list and reports the total', () => {
    const rows = Array.from({ length: 10 }, (_, i) => [i, 10, 9, 8, 10, 1]);
    const issues = validateBars(bars(rows), { maxIssues: 3 });
    expect(issues).toHaveLength(4);
    expect(issues[3].message).toBe('10 issues in total, first 3 listed');
  });
});
