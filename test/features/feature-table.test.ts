import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/index.js';
import {
  adx,
  bollinger,
  buildFeatureTable,
  computeFeaturesForAll,
  computeIndicators,
  FEATURE_NAMES,
  type FeatureTable,
  INDICATOR_NAMES,
  macd,
  resolveFeatureSelection,
  rollingVolatility,
  rollingVwap,
  sma,
} from '../../src/features/index.js';
import { firstNonNaN, randomWalkBars } from './helpers.js';

// Documented first defined row of each column (0-based), written out by hand from the definitions.
const INDICATOR_FIRST: Record<string, number> = {
  sma_20: 19, // 20 values
  sma_50: 49,
  ema_12: 11, // seeded with SMA of the first 12
  ema_26: 25,
  rsi_14: 14, // 14 changes need 15 closes
  atr_14: 14, // TR from 1, mean of TR[1..14]
  vwap: 19, // rolling window 20 (daily bars)
  bb_upper: 19,
  bb_middle: 19,
  bb_lower: 19,
  macd: 25, // EMA26
  macd_signal: 33, // 25 + 9 − 1
  macd_hist: 33,
  adx_14: 27, // ±DI from 14, mean of 14 DX values 14..27
  obv: 0, // 0 on bar 0 by convention
  log_return: 1,
  volatility_20: 20, // 20 returns, the first at 1
};
const FEATURE_FIRST: Record<string, number> = {
  close_sma20: 19,
  close_sma50: 49,
  sma20_sma50: 49,
  ema12_ema26: 25,
  rsi14: 14,
  atr14_close: 14,
  close_vwap: 19,
  bb_pctb: 19,
  bb_width: 19,
  macd_close: 25,
  macd_signal_close: 33,
  macd_hist_close: 33,
  adx14: 27,
  plus_di14: 14,
  minus_di14: 14,
  obv_flow20: 20, // OBV change over 20 bars needs OBV at t − 20
  ret_1: 1,
  ret_5: 5,
  ret_20: 20,
  vol_20: 20,
  vol_60: 60,
  volume_z20: 19,
  hl_range: 0,
  co_return: 0,
};

function expectWarmup(table: FeatureTable, first: Record<string, number>): void {
  table.names.forEach((name, c) => {
    const col = table.columns[c];
    const f = first[name];
    for (let i = 0; i < col.length; i++) {
      if (i < f) expect(col[i], `${name}[${i}] must be NaN during warm-up`).toBeNaN();
      else expect(Number.isFinite(col[i]), `${name}[${i}] must be finite`).toBe(true);
    }
  });
}

describe('warm-up rows', () => {
  const bars = randomWalkBars(42, 300);

  it('raw indicators are NaN exactly before their documented first index (no back-fill)', () => {
    const t = computeIndicators(bars);
    expect(t.names).toEqual(Object.keys(INDICATOR_FIRST));
    expectWarmup(t, INDICATOR_FIRST);
    expect(t.firstValid).toBe(49);
    expect(t.ts).toEqual(bars.ts);
  });

  it('features are NaN exactly before their documented first index; firstValid = 60', () => {
    const t = buildFeatureTable(bars);
    expect(t.names).toEqual([...FEATURE_NAMES]);
    expectWarmup(t, FEATURE_FIRST);
    expect(t.firstValid).toBe(60);
  });

  it('session VWAP is defined from bar 0 on intraday bars', () => {
    const intraday = randomWalkBars(43, 300, { intraday: true });
    expectWarmup(computeIndicators(intraday), { ...INDICATOR_FIRST, vwap: 0 });
    expectWarmup(buildFeatureTable(intraday), { ...FEATURE_FIRST, close_vwap: 0 });
  });

  it('firstValid follows the selected subset, in the order given', () => {
    const t = buildFeatureTable(bars, { features: ['ret_5', 'rsi14', 'hl_range'] });
    expect(t.names).toEqual(['ret_5', 'rsi14', 'hl_range']);
    expect(t.firstValid).toBe(14);
    expect(buildFeatureTable(bars, { features: ['co_return'] }).firstValid).toBe(0);
  });

  it('a series too short for an indicator has firstValid = its length', () => {
    const short = randomWalkBars(44, 10);
    const t = buildFeatureTable(short, { features: ['rsi14', 'hl_range'] });
    expect(Array.from(t.columns[0]).every(Number.isNaN)).toBe(true);
    expect(t.firstValid).toBe(10);
    expect(buildFeatureTable(randomWalkBars(45, 0)).firstValid).toBe(0);
  });
});

describe('feature selection and contract', () => {
  const bars = randomWalkBars(1, 120);

  it('has 24 unique, stable column names', () => {
    expect(FEATURE_NAMES).toHaveLength(24);
    expect(new Set(FEATURE_NAMES).size).toBe(24);
    expect(INDICATOR_NAMES).toHaveLength(17);
  });

  it('rejects an unknown feature with a ConfigError naming it and listing the valid names', () => {
    const run = () => buildFeatureTable(bars, { features: ['rsi14', 'rsi_99'] });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(/features\[1\]: unknown feature \(got "rsi_99"\)/);
    expect(run).toThrow(
      /valid names are the features close_sma20, close_sma50, .*co_return or the families sma, ema/,
    );
    expect(() => computeFeaturesForAll([], { features: ['nope'] })).toThrow(ConfigError);
  });

  it('reports duplicates and empty selections as issues', () => {
    const dup = resolveFeatureSelection(['ret_1', 'ret_1']);
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.issues[0]).toMatchObject({ path: 'features[1]', message: 'duplicate feature' });
    expect(resolveFeatureSelection([]).ok).toBe(false);
    expect(resolveFeatureSelection(undefined)).toEqual({ ok: true, value: [...FEATURE_NAMES] });
  });

  it('picks the VWAP mode from opts.frequency over the inferred bar spacing', () => {
    const intraday = randomWalkBars(46, 100, { intraday: true });
    const vwapFirst = (t: FeatureTable) => firstNonNaN(t.columns[t.names.indexOf('vwap')]);
    expect(vwapFirst(computeIndicators(intraday))).toBe(0); // inferred: 5-minute spacing → session
    expect(vwapFirst(computeIndicators(intraday, { frequency: '1d' }))).toBe(19); // rolling window of 20
    expect(vwapFirst(computeIndicators(bars, { frequency: '5m' }))).toBe(0);
  });

  it('rejects an invalid VWAP mode', () => {
    expect(() => buildFeatureTable(bars, { vwapMode: 'weekly' as 'rolling' })).toThrow(ConfigError);
  });

  it('a subset has the same values as the full table', () => {
    const full = buildFeatureTable(bars);
    const sub = buildFeatureTable(bars, { features: ['adx14', 'bb_pctb'] });
    expect(sub.columns[0]).toEqual(full.columns[FEATURE_NAMES.indexOf('adx14')]);
    expect(sub.columns[1]).toEqual(full.columns[FEATURE_NAMES.indexOf('bb_pctb')]);
  });

  it('features are scale-free: multiplying all prices by 1000 leaves them unchanged', () => {
    const big = randomWalkBars(1, 120);
    for (const k of ['open', 'high', 'low', 'close'] as const) big[k] = big[k].map((v) => v * 1000);
    const a = buildFeatureTable(bars);
    const b = buildFeatureTable(big);
    a.columns.forEach((col, c) => {
      for (let i = a.firstValid; i < col.length; i++) {
        expect(Math.abs(b.columns[c][i] - col[i]), `${a.names[c]}[${i}]`).toBeLessThan(1e-9);
      }
    });
  });

  it('raw indicators equal the standalone kernels bit for bit (shared parts are reused, not approximated)', () => {
    const t = computeIndicators(bars);
    const col = (name: string) => t.columns[t.names.indexOf(name)];
    const bb = bollinger(bars.close, 20, 2);
    const m = macd(bars.close, 12, 26, 9);
    expect(col('bb_upper')).toEqual(bb.upper);
    expect(col('bb_lower')).toEqual(bb.lower);
    expect(col('bb_middle')).toEqual(sma(bars.close, 20));
    expect(col('macd_signal')).toEqual(m.signal);
    expect(col('macd_hist')).toEqual(m.hist);
    expect(col('volatility_20')).toEqual(rollingVolatility(bars.close, 20));
    expect(col('adx_14')).toEqual(adx(bars.high, bars.low, bars.close, 14).adx);
    expect(col('vwap')).toEqual(rollingVwap(bars.high, bars.low, bars.close, bars.volume, 20));
  });

  it('computeFeaturesForAll returns one table per series in input order', () => {
    const tables = computeFeaturesForAll([randomWalkBars('a', 80), randomWalkBars('b', 90)]);
    expect(tables.map((t) => [t.symbol, t.ts.length])).toEqual([
      ['SYMa', 80],
      ['SYMb', 90],
    ]);
  });

  it('bb_pctb is 0.5 and volume_z20 is 0 on flat windows (no division by zero)', () => {
    const flat = randomWalkBars(2, 100);
    for (const k of ['open', 'high', 'low', 'close'] as const) flat[k].fill(3000.1);
    flat.volume.fill(500);
    const t = buildFeatureTable(flat, { features: ['bb_pctb', 'volume_z20', 'rsi14'] });
    expect(t.columns[0][50]).toBe(0.5);
    expect(t.columns[1][50]).toBe(0);
    expect(t.columns[2][50]).toBe(0);
  });
});

describe('feature families', () => {
  it('expand the reference-style names (rsi sma volume) into columns, de-duplicated', async () => {
    const { resolveFeatureSelection } = await import('../../src/features/index.js');
    const r = resolveFeatureSelection(['rsi', 'sma', 'volume', 'obv']);
    expect(r.ok && r.value).toEqual([
      'rsi14',
      'close_sma20',
      'close_sma50',
      'sma20_sma50',
      'volume_z20',
      'obv_flow20',
    ]);
    const bad = resolveFeatureSelection(['rsi', 'sentiment']);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ path: 'features[1]', value: 'sentiment' });
  });
});
