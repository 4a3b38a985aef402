import { describe, expect, it } from 'vitest';
import { generateWindows, planWindow } from '../../src/batch/index.js';
import { DEFAULT_SYMBOLS } from '../../src/data/index.js';

const DAY = 86_400_000;

describe('generateWindows (pure)', () => {
  it('gives the reference workload: 36 symbols × 7 windows of 180 days every 180 days over 2022–2024', () => {
    const spec = {
      symbols: DEFAULT_SYMBOLS,
      startDate: '2022-01-01',
      endDate: '2024-12-31',
      windowDays: 180,
      stepDays: 180,
    };
    const w = generateWindows(spec);
    expect(DEFAULT_SYMBOLS).toHaveLength(36);
    expect(w).toHaveLength(252);
    // Starts 0, 180, …, 1080 days after 2022-01-01 (2022: 365 d, 2023: 365 d, so day 1080 = 2024-12-16);
    // each ends 180 days later, the last cut at the end date — the reference's windows.
    const first = w.filter((t) => t.symbol === DEFAULT_SYMBOLS[0]).map((t) => [t.start, t.end]);
    expect(first).toEqual([
      ['2022-01-01', '2022-06-30'],
      ['2022-06-30', '2022-12-27'],
      ['2022-12-27', '2023-06-25'],
      ['2023-06-25', '2023-12-22'],
      ['2023-12-22', '2024-06-19'],
      ['2024-06-19', '2024-12-16'],
      ['2024-12-16', '2024-12-31'],
    ]);
    expect(w[0].label).toBe(`${DEFAULT_SYMBOLS[0]}_2022-01-01_to_2022-06-30`);
    expect(w.map((t) => t.index)).toEqual(w.map((_, i) => i));
    expect(generateWindows(spec)).toEqual(w); // same spec, same plain data
  });

  it('is symbol-major and stops before the end date; a step longer than the window leaves gaps', () => {
    const w = generateWindows({
      symbols: ['B', 'A'],
      startDate: '2024-01-01',
      endDate: '2024-01-31',
      windowDays: 5,
      stepDays: 10,
    });
    expect(w.map((t) => t.label)).toEqual([
      'B_2024-01-01_to_2024-01-06',
      'B_2024-01-11_to_2024-01-16',
      'B_2024-01-21_to_2024-01-26',
      'A_2024-01-01_to_2024-01-06',
      'A_2024-01-11_to_2024-01-16',
      'A_2024-01-21_to_2024-01-26',
    ]);
  });
});

describe('planWindow', () => {
  // Daily bars at 00:00 UTC on 2024-01-01 … 2024-01-10 (10 bars), tz UTC.
  const ts = Array.from({ length: 10 }, (_, i) => Date.UTC(2024, 0, 1) + i * DAY);
  const task = (start: string, end: string) => ({ index: 0, symbol: 'X', start, end, label: 'X' });

  it('labels up to the window end with the horizon bars after it', () => {
    const p = planWindow(task('2024-01-02', '2024-01-05'), ts, 3, 'UTC');
    // Window bars: Jan 2…5 (4 bars); its last bar is index 4, the 3rd bar after it Jan 8.
    expect(p).toEqual({
      kind: 'train',
      startMs: Date.UTC(2024, 0, 2),
      endMs: Date.UTC(2024, 0, 6) - 1,
      labelEndMs: Date.UTC(2024, 0, 8),
      bars: 4,
    });
  });

  it('skips a window whose horizon runs past the data, saying how many bars there are', () => {
    // Last window bar Jan 8 (index 7): 2 bars follow, 3 are needed.
    const p = planWindow(task('2024-01-06', '2024-01-08'), ts, 3, 'UTC');
    expect(p).toEqual({
      kind: 'skip',
      reason: 'insufficient_future_data',
      message: 'labels need 3 bars after 2024-01-08; the data has 2',
    });
    expect(planWindow(task('2024-01-06', '2024-01-07'), ts, 3, 'UTC').kind).toBe('train');
  });

  it('skips a window without bars', () => {
    const p = planWindow(task('2024-02-01', '2024-02-10'), ts, 1, 'UTC');
    expect(p).toMatchObject({ kind: 'skip', reason: 'no_bars' });
  });
});
