import { describe, expect, it } from 'vitest';
import { validateParams } from '../../src/config/index.js';

const issues = (raw: unknown) => {
  const r = validateParams(raw);
  return r.ok ? [] : r.issues;
};

describe('real-data params', () => {
  it('defaults: frequency auto, adjust auto, NSE session, buy-and-hold baseline, 30 min trades', () => {
    const r = validateParams({});
    if (!r.ok) throw new Error('defaults');
    expect(r.value.data).toMatchObject({
      frequency: 'auto',
      adjust: 'auto',
      max_bar_jump: 0.4,
      on_suspected_split: 'warn',
      max_csv_mb: 512,
      session: { open: '09:15', close: '15:30', days_per_year: 252 },
      quality: {
        constant_prices: 'error',
        zero_volume: 'warn',
        too_few_bars: 'error',
        single_class_split: 'error',
      },
    });
    expect(r.value.validation).toMatchObject({
      baseline: 'buy_and_hold',
      baseline_model: null,
      min_trades: 30,
    });
  });

  it('a session must open before it closes (24:00 allowed, 24:30 not)', () => {
    expect(issues({ data: { session: { open: '00:00', close: '24:00' } } })).toEqual([]);
    expect(issues({ data: { session: { open: '16:00', close: '09:30' } } })[0]).toMatchObject({
      path: 'data.session.close',
    });
    expect(issues({ data: { session: { close: '24:30' } } })[0].path).toBe('data.session.close');
  });

  it('the synthetic market only makes 1d and 5m bars', () => {
    expect(issues({ data: { frequency: '1h' } })[0]).toMatchObject({ path: 'data.frequency', value: '1h' });
    expect(issues({ data: { frequency: '1h', source: 'csv', csv_paths: ['x.csv'] } })).toEqual([]);
  });

  it('baseline and its deprecated alias baseline_model may not disagree', () => {
    expect(
      issues({ validation: { baseline: 'sma', baseline_model: 'data/models/production' } })[0],
    ).toMatchObject({
      path: 'validation.baseline_model',
    });
    expect(issues({ validation: { baseline_model: 'data/models/production' } })).toEqual([]);
  });
});
