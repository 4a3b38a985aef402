import { describe, expect, it } from 'vitest';
import type { BarSeries, IngestReport } from '../../src/data/index.js';
import { generateSyntheticMarket } from '../../src/data/index.js';
import type { ColumnsTable } from '../../src/pipeline/index.js';
import {
  candlestickFigure,
  correlationHeatmap,
  dataQualityFindings,
  dataQualityRows,
  featureCorrelation,
  labelCounts,
  labelDistributionFigure,
  plotDates,
  symbolSummaries,
} from '../../src/report/index.js';

const DAY = 86_400_000;
// 2024-01-01T00:00 in Asia/Kolkata (UTC+5:30).
const T0 = Date.UTC(2023, 11, 31, 18, 30);

function series(close: number[], volume: number[]): BarSeries {
  const f = (xs: number[]) => Float64Array.from(xs);
  return {
    symbol: 'ABC',
    tz: 'Asia/Kolkata',
    ts: f(close.map((_, i) => T0 + i * DAY)),
    open: f(close),
    high: f(close),
    low: f(close),
    close: f(close),
    volume: f(volume),
  };
}

function table(cols: Record<string, number[] | string[]>): ColumnsTable {
  const names = Object.keys(cols);
  const n = Object.values(cols)[0].length;
  const numbers = new Map<string, Float64Array>();
  const strings = new Map<string, string[]>();
  for (const [k, v] of Object.entries(cols)) {
    if (typeof v[0] === 'string') strings.set(k, v as string[]);
    else numbers.set(k, Float64Array.from(v as number[]));
  }
  return { names, n, numbers, strings };
}

describe('symbolSummaries', () => {
  it('total return, annualised log-return volatility, drawdown and mean volume (worked by hand)', () => {
    // closes 100 → 110 → 99: log returns ln 1.1 and ln 0.9, drawdown 1 − 99/110 = 0.1
    const [s] = symbolSummaries([series([100, 110, 99], [10, 20, 30])], 252);
    const l1 = Math.log(1.1);
    const l2 = Math.log(0.9);
    const m = (l1 + l2) / 2;
    const sd = Math.sqrt((l1 - m) ** 2 + (l2 - m) ** 2); // n − 1 = 1
    expect(s.bars).toBe(3);
    expect(s.first).toBe('2024-01-01');
    expect(s.last).toBe('2024-01-03');
    expect(s.total_return).toBeCloseTo(-0.01, 14);
    expect(s.annual_volatility).toBeCloseTo(sd * Math.sqrt(252), 12);
    expect(s.max_drawdown).toBeCloseTo(0.1, 14);
    expect(s.mean_volume).toBe(20);
  });
});

describe('plotDates', () => {
  it('exchange-local wall clock; dates only when every instant is a local midnight', () => {
    expect(plotDates([T0, T0 + DAY], 'Asia/Kolkata')).toEqual(['2024-01-01', '2024-01-02']);
    expect(plotDates([T0 + 555 * 60_000], 'Asia/Kolkata')).toEqual(['2024-01-01 09:15:00']);
  });
});

describe('label distribution', () => {
  const labels = table({
    ts: [T0, T0, T0 + 40 * DAY, T0 + 40 * DAY, T0 + 41 * DAY],
    symbol: ['B', 'A', 'A', 'B', 'A'],
    split: ['test', 'train', 'train', 'valid', 'embargo'],
    label: ['LONG', 'SHORT', 'LONG', 'NOOP', 'LONG'],
  });

  it('counts classes by symbol, exchange-local month and split (splits in time order)', () => {
    expect(labelCounts(labels, 'symbol', 'Asia/Kolkata')).toEqual({
      by: 'symbol',
      keys: ['A', 'B'],
      counts: { LONG: [2, 1], SHORT: [1, 0], NOOP: [0, 1] },
    });
    expect(labelCounts(labels, 'month', 'Asia/Kolkata').keys).toEqual(['2024-01', '2024-02']);
    expect(labelCounts(labels, 'month', 'Asia/Kolkata').counts.LONG).toEqual([1, 2]);
    expect(labelCounts(labels, 'split', 'Asia/Kolkata').keys).toEqual(['train', 'valid', 'test', 'embargo']);
  });

  it('stacks counts or shares per key, one trace per class', () => {
    const f = labelDistributionFigure(labelCounts(labels, 'symbol', 'Asia/Kolkata'), { share: true });
    expect(f.data.map((t) => t.name)).toEqual(['LONG', 'SHORT', 'NOOP']);
    expect(f.data[0].y).toEqual([2 / 3, 0.5]);
    expect(f.layout.barmode).toBe('stack');
  });
});

describe('featureCorrelation', () => {
  it('Pearson over rows where every feature is finite; symmetric with a unit diagonal', () => {
    const t = table({ a: [1, 2, 3, Number.NaN], b: [2, 4, 6, 1], c: [3, 1, 2, 0] });
    const c = featureCorrelation(t, ['a', 'b', 'c']);
    expect(c.rows).toBe(3);
    expect(c.matrix[0][1]).toBeCloseTo(1, 14);
    // a = [1,2,3], c = [3,1,2]: dev [−1,0,1]·[1,−1,0] = −1; Σ = 2 each → −0.5
    expect(c.matrix[0][2]).toBeCloseTo(-0.5, 14);
    expect(c.matrix[2][0]).toBe(c.matrix[0][2]);
    expect(c.matrix.map((r, i) => r[i])).toEqual([1, 1, 1]);
    const fig = correlationHeatmap(c);
    expect(fig.data[0].zmin).toBe(-1);
    expect(fig.data[0].zmax).toBe(1);
  });
});

describe('data quality', () => {
  const report = {
    symbols: ['B', 'A'],
    bars: { A: 10, B: 12 },
    window_bars: { A: { lookback: 2, window: 8 }, B: { lookback: 0, window: 12 } },
    adjustment: { mode: 'auto', adjusted: ['B'], raw: ['A'] },
    suspected_splits: [
      { symbol: 'A', date: '2024-01-05', ratio: 0.5, previous_close: 100, close: 50, hint: '2:1 split?' },
    ],
    quality: {
      per_symbol: {
        A: { bars: 10, unchanged_close_share: 0.1, zero_volume: false, outside_session: 0, weekend: 1 },
        B: { bars: 12, unchanged_close_share: 0, zero_volume: true, outside_session: 2, weekend: 0 },
      },
      findings: [{ check: 'zero_volume', symbol: 'B', action: 'warn', message: 'every bar has zero volume' }],
      dropped: ['C'],
    },
    bad_row_examples: [{ file: 'x.csv', line: 7, path: 'close', message: 'not a number' }],
  } as unknown as IngestReport;

  it('one row per symbol (dropped ones included) with what ingest measured', () => {
    const rows = dataQualityRows(report);
    expect(rows.map((r) => r.symbol)).toEqual(['A', 'B', 'C']);
    expect(rows[0]).toMatchObject({
      bars: 10,
      warmup_bars: 2,
      window_bars: 8,
      suspected_splits: 1,
      adjusted: false,
      weekend: 1,
    });
    expect(rows[1]).toMatchObject({ zero_volume: true, outside_session: 2, adjusted: true, findings: 1 });
    expect(rows[2]).toMatchObject({ dropped: true, bars: 0 });
  });

  it('lists findings, suspected splits and skipped-row examples', () => {
    expect(dataQualityFindings(report).map((f) => f.kind)).toEqual([
      'zero_volume (warn)',
      'suspected split',
      'skipped row',
    ]);
    expect(dataQualityFindings(report)[2].detail).toBe('line 7: close not a number');
  });
});

describe('candlestickFigure', () => {
  it('the last N bars with SMA 20/50, Bollinger, volume and RSI panels; indicators warmed up on the whole series', () => {
    const [b] = generateSyntheticMarket({
      seed: 3,
      symbols: ['TCS'],
      start: '2023-01-01',
      end: '2023-12-31',
      frequency: '1d',
    });
    const f = candlestickFigure(b, { last: 100 });
    expect(f.data.map((t) => t.name)).toEqual([
      'TCS',
      'SMA 20',
      'SMA 50',
      'Bollinger upper',
      'Bollinger lower',
      'volume',
      'RSI 14',
    ]);
    expect((f.data[0].x as string[]).length).toBe(100);
    const sma50 = f.data[2].y as (number | null)[];
    expect(sma50.every((v) => v !== null)).toBe(true);
    // The last SMA 50 point is the mean of the last 50 closes (to the 6 significant digits kept).
    const n = b.close.length;
    const mean = b.close.subarray(n - 50).reduce((s, v) => s + v, 0) / 50;
    expect(sma50[99]).toBeCloseTo(mean, 6 - Math.ceil(Math.log10(mean)));
  });
});
