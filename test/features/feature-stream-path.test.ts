import { describe, expect, it, vi } from 'vitest';
import { generateSyntheticMarket } from '../../src/data/index.js';
import { BAR_FIELDS, buildFeatureTable, FeatureStream } from '../../src/features/index.js';
import { expectBitEqual } from './helpers.js';

// Proves the parity tests compare two different paths: every batch kernel (and the column helpers the
// batch specs use) is wrapped in a call counter; the batch builder calls them, the stream never does.

const { calls, counted } = vi.hoisted(() => {
  const calls = new Map<string, number>();
  const counted =
    <A extends unknown[], R>(name: string, f: (...args: A) => R) =>
    (...args: A): R => {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      return f(...args);
    };
  return { calls, counted };
});

vi.mock('../../src/features/sma.js', async (orig) => {
  const m = await orig<typeof import('../../src/features/sma.js')>();
  return { ...m, sma: counted('sma', m.sma) };
});
vi.mock('../../src/features/ema.js', async (orig) => {
  const m = await orig<typeof import('../../src/features/ema.js')>();
  return { ...m, ema: counted('ema', m.ema) };
});
vi.mock('../../src/features/rsi.js', async (orig) => {
  const m = await orig<typeof import('../../src/features/rsi.js')>();
  return { ...m, rsi: counted('rsi', m.rsi) };
});
vi.mock('../../src/features/atr.js', async (orig) => {
  const m = await orig<typeof import('../../src/features/atr.js')>();
  return { ...m, atr: counted('atr', m.atr), trueRange: counted('trueRange', m.trueRange) };
});
vi.mock('../../src/features/adx.js', async (orig) => {
  const m = await orig<typeof import('../../src/features/adx.js')>();
  return { ...m, adx: counted('adx', m.adx) };
});
vi.mock('../../src/features/rolling-std.js', async (orig) => {
  const m = await orig<typeof import('../../src/features/rolling-std.js')>();
  return { ...m, rollingStd: counted('rollingStd', m.rollingStd) };
});
vi.mock('../../src/features/obv.js', async (orig) => {
  const m = await orig<typeof import('../../src/features/obv.js')>();
  return { ...m, obv: counted('obv', m.obv) };
});
vi.mock('../../src/features/returns.js', async (orig) => {
  const m = await orig<typeof import('../../src/features/returns.js')>();
  return { ...m, logReturn: counted('logReturn', m.logReturn) };
});
vi.mock('../../src/features/vwap.js', async (orig) => {
  const m = await orig<typeof import('../../src/features/vwap.js')>();
  return {
    ...m,
    rollingVwap: counted('rollingVwap', m.rollingVwap),
    sessionVwap: counted('sessionVwap', m.sessionVwap),
  };
});
vi.mock('../../src/features/session-keys.js', async (orig) => {
  const m = await orig<typeof import('../../src/features/session-keys.js')>();
  return { ...m, sessionKeys: counted('sessionKeys', m.sessionKeys) };
});
vi.mock('../../src/features/bollinger.js', async (orig) => {
  const m = await orig<typeof import('../../src/features/bollinger.js')>();
  return { ...m, bandsAround: counted('bandsAround', m.bandsAround) };
});
vi.mock('../../src/features/macd.js', async (orig) => {
  const m = await orig<typeof import('../../src/features/macd.js')>();
  return { ...m, macdFromEmas: counted('macdFromEmas', m.macdFromEmas) };
});
vi.mock('../../src/features/column-ops.js', async (orig) => {
  const m = await orig<typeof import('../../src/features/column-ops.js')>();
  return {
    ...m,
    ratioMinusOne: counted('ratioMinusOne', m.ratioMinusOne),
    divide: counted('divide', m.divide),
    scale: counted('scale', m.scale),
  };
});

describe('the streaming path really runs', () => {
  it('batch kernels are called by the batch builder and never by FeatureStream, which still matches', () => {
    for (const [vwapMode, frequency] of [
      ['session', '5m'],
      ['rolling', '1d'],
    ] as const) {
      const [bars] = generateSyntheticMarket({
        seed: 42,
        symbols: ['INFY'],
        start: '2024-01-01',
        end: frequency === '5m' ? '2024-01-31' : '2024-12-31',
        frequency,
      });
      calls.clear();
      const batch = buildFeatureTable(bars, { vwapMode });
      const batchCalls = new Set(calls.keys());
      for (const k of ['sma', 'ema', 'rsi', 'atr', 'adx', 'rollingStd', 'obv', 'logReturn', 'bandsAround']) {
        expect(batchCalls, `the counter on ${k} must see the batch`).toContain(k);
      }
      expect(batchCalls).toContain(vwapMode === 'session' ? 'sessionVwap' : 'rollingVwap');
      expect(batchCalls).toContain('macdFromEmas');
      expect(batchCalls).toContain('ratioMinusOne');

      const stream = new FeatureStream({ tz: bars.tz, frequency });
      calls.clear(); // construction validates the Bollinger width through bandsAround on empty arrays
      const width = stream.names.length;
      const row = new Float64Array(width);
      const bar = new Float64Array(BAR_FIELDS.length);
      const cols = Array.from({ length: width }, () => new Float64Array(bars.ts.length));
      for (let i = 0; i < bars.ts.length; i++) {
        // The engine's hot path: the bar in a typed array (BAR order), pushed before the next bar exists.
        BAR_FIELDS.forEach((f, k) => {
          bar[k] = bars[f][i];
        });
        stream.pushBar(bar, row);
        for (let j = 0; j < width; j++) cols[j][i] = row[j];
      }
      expect(Object.fromEntries(calls)).toEqual({});
      batch.columns.forEach((col, j) => {
        expectBitEqual(cols[j], col, batch.names[j]);
      });
    }
  });
});
