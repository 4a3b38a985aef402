import { describe, expect, it } from 'vitest';
import { ConfigError, DataValidationError } from '../../src/core/index.js';
import { type BarSeries, generateSyntheticMarket } from '../../src/data/index.js';
import {
  buildFeatureTable,
  FEATURE_NAMES,
  type FeatureOptions,
  FeatureStream,
  type FeatureTable,
  streamFeatureTable,
} from '../../src/features/index.js';
import { expectBitEqual, randomWalkBars } from './helpers.js';

// Parity of the streaming features with the batch FeatureTable. Every feature is bit-exact (Object.is on
// every row, NaN warm-up rows included): each streaming twin repeats its batch kernel's operations in the
// same order (including the SMA/VWAP recompute every 1024 rows and the rolling-std re-anchor every 256),
// and the feature formulas are the batch's, so no tolerance is needed; 1e-9 would be the fallback bar.

/** Feeds `bars` to a fresh FeatureStream one bar at a time; the rows and per-row warm-up flags. */
function streamRows(bars: BarSeries, opts: FeatureOptions) {
  const stream = new FeatureStream({ ...opts, tz: bars.tz });
  const n = bars.ts.length;
  const width = stream.names.length;
  const columns = Array.from({ length: width }, () => new Float64Array(n));
  const warm: boolean[] = [];
  const row = new Float64Array(width);
  for (let i = 0; i < n; i++) {
    // Only bar i's scalars are passed; the stream never sees the series.
    warm.push(
      stream.push(bars.ts[i], bars.open[i], bars.high[i], bars.low[i], bars.close[i], bars.volume[i], row),
    );
    for (let j = 0; j < width; j++) columns[j][i] = row[j];
  }
  return { names: stream.names, columns, warm };
}

function expectParity(
  bars: BarSeries,
  opts: FeatureOptions,
  batch: FeatureTable = buildFeatureTable(bars, opts),
) {
  const got = streamRows(bars, opts);
  expect(got.names).toEqual(batch.names);
  batch.columns.forEach((col, j) => {
    expectBitEqual(got.columns[j], col, `${bars.symbol} ${batch.names[j]}`);
  });
  const flags = got.warm.map((w, i) => w === i < batch.firstValid);
  expect(flags.indexOf(false), `${bars.symbol} warm-up flag differs (firstValid ${batch.firstValid})`).toBe(
    -1,
  );
  return batch;
}

describe('FeatureStream equals the batch FeatureTable bit for bit', () => {
  it('over the whole default dataset (seed 42, 36 symbols, 2022–2024 daily, Asia/Kolkata, strength 2)', () => {
    const series = generateSyntheticMarket({
      seed: 42,
      start: '2022-01-01',
      end: '2024-12-31',
      frequency: '1d',
      tz: 'Asia/Kolkata',
      signalStrength: 2,
    });
    expect(series).toHaveLength(36);
    let rows = 0;
    for (const bars of series) {
      // The pipeline's options for daily bars (featureOptions(params): vwap_mode auto → rolling).
      const batch = expectParity(bars, { vwapMode: 'rolling' });
      expect(batch.firstValid).toBe(60); // vol_60 is the last feature to warm up
      rows += bars.ts.length;
    }
    expect(rows).toBeGreaterThan(28_000);
  });

  it('over 5-minute data (3 symbols × 2 months, session VWAP from the frequency)', () => {
    const series = generateSyntheticMarket({
      seed: 42,
      symbols: ['RELIANCE', 'TCS', 'HDFCBANK'],
      start: '2024-01-01',
      end: '2024-02-29',
      frequency: '5m',
      signalStrength: 2,
    });
    for (const bars of series) {
      expect(bars.ts.length).toBeGreaterThan(3000); // crosses the 1024-row recomputes
      expectParity(bars, { frequency: '5m' }, buildFeatureTable(bars, { vwapMode: 'session' }));
    }
  });

  it('with feature subsets, in the order given (families expand as in the batch)', () => {
    const bars = randomWalkBars('subset', 400);
    for (const features of [
      ['rsi', 'sma', 'volume'],
      ['close_vwap'],
      ['co_return', 'adx14', 'ret_5'],
      ['macd'],
    ]) {
      expectParity(bars, { frequency: '1d', features });
    }
    // A subset without slow features warms up earlier, as the batch's firstValid.
    expect(streamRows(bars, { features: ['rsi14'] }).warm.indexOf(false)).toBe(14);
  });

  it('with every VWAP option: rolling window, session on daily bars, rolling on intraday bars', () => {
    const daily = randomWalkBars('vwap-d', 300);
    const intraday = randomWalkBars('vwap-i', 1500, { intraday: true });
    expectParity(daily, { vwapMode: 'rolling', vwapWindow: 7 });
    expectParity(daily, { vwapMode: 'session' });
    expectParity(intraday, { vwapMode: 'rolling', vwapWindow: 75 });
    expectParity(intraday, { frequency: '1d' }); // frequency alone picks the mode, as the batch
  });

  it('on zero-volume bars, a flat price stretch and a non-finite row after warm-up', () => {
    const bars = randomWalkBars('edges', 600, { zeroVolume: 0.3 });
    for (let i = 200; i < 260; i++) {
      bars.open[i] = bars.high[i] = bars.low[i] = bars.close[i] = 1234.5;
      bars.volume[i] = 0;
    }
    const batch = expectParity(bars, { frequency: '1d' });
    expect(batch.columns[FEATURE_NAMES.indexOf('bb_pctb')][255]).toBe(0.5); // collapsed bands
    // A zero close after warm-up gives infinite features; the row is still not a warm-up row.
    bars.close[400] = 0;
    const broken = expectParity(bars, { frequency: '1d' });
    expect(broken.firstValid).toBe(60);
    expect(streamRows(bars, { frequency: '1d' }).warm[400]).toBe(false);
  });

  it('streamFeatureTable equals buildFeatureTable, inferring the VWAP mode from the spacing as the batch', () => {
    const intraday = randomWalkBars('infer', 800, { intraday: true });
    const batch = buildFeatureTable(intraday);
    const got = streamFeatureTable(intraday);
    expect(got.firstValid).toBe(batch.firstValid);
    expect(got.names).toEqual(batch.names);
    expectBitEqual(got.ts, batch.ts, 'ts');
    batch.columns.forEach((col, j) => {
      expectBitEqual(got.columns[j], col, batch.names[j]);
    });
  });
});

describe('FeatureStream state and errors', () => {
  const bars = randomWalkBars('state', 120);
  const row = new Float64Array(FEATURE_NAMES.length);
  const pushBar = (s: FeatureStream, i: number) =>
    s.push(bars.ts[i], bars.open[i], bars.high[i], bars.low[i], bars.close[i], bars.volume[i], row);

  it('reset() replays a series identically', () => {
    const s = new FeatureStream({ tz: bars.tz, frequency: '1d' });
    for (let i = 0; i < 120; i++) pushBar(s, i);
    const last = row.slice();
    s.reset();
    expect(s.rows).toBe(0);
    expect(s.warmup).toBe(true);
    for (let i = 0; i < 120; i++) pushBar(s, i);
    expectBitEqual(row, last, 'after reset');
  });

  it('rejects a bar that is not after the previous one (DataValidationError naming ts)', () => {
    const s = new FeatureStream({ tz: bars.tz, frequency: '1d' });
    pushBar(s, 0);
    pushBar(s, 1);
    expect(() => pushBar(s, 1)).toThrow(DataValidationError);
    expect(() => pushBar(s, 0)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'ts', value: bars.ts[0] })] }),
    );
    expect(s.rows).toBe(2); // rejected bars leave the state untouched
    pushBar(s, 2);
  });

  it('validates options with the batch builder’s errors', () => {
    const issuesOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as ConfigError).issues;
      }
      return expect.fail('expected a ConfigError');
    };
    const opts = { features: ['rsi', 'bogus'] };
    expect(issuesOf(() => new FeatureStream({ ...opts, tz: 'UTC', frequency: '1d' }))).toEqual(
      issuesOf(() => buildFeatureTable(bars, opts)),
    );
    const bad = { vwapMode: 'anchored' as never };
    expect(issuesOf(() => new FeatureStream({ ...bad, tz: 'UTC' }))).toEqual(
      issuesOf(() => buildFeatureTable(bars, bad)),
    );
    expect(issuesOf(() => new FeatureStream({ tz: 'UTC', frequency: '1d', vwapWindow: 0 }))).toEqual(
      issuesOf(() => buildFeatureTable(bars, { vwapWindow: 0 })),
    );
    expect(issuesOf(() => new FeatureStream({ tz: 'Nowhere/City', vwapMode: 'session' }))[0].path).toBe('tz');
    // The stream cannot infer the VWAP mode from bars it has not seen; without close_vwap it needs none.
    expect(issuesOf(() => new FeatureStream({ tz: 'UTC' }))[0].path).toBe('frequency');
    expect(new FeatureStream({ tz: 'UTC', features: ['rsi'] }).names).toEqual(['rsi14']);
  });
});
