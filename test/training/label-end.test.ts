import { describe, expect, it } from 'vitest';
import { type BarSeries, generateSyntheticMarket } from '../../src/data/index.js';
import { buildFeatureTable } from '../../src/features/index.js';
import { buildLabelledRows } from '../../src/training/index.js';

describe('labelEndMs: a window labelled with the bars just after it', () => {
  const [bars] = generateSyntheticMarket({
    seed: 3,
    symbols: ['TCS'],
    start: '2023-01-01',
    end: '2023-12-31',
    frequency: '1d',
  });
  const table = buildFeatureTable(bars);
  const h = 5;
  const first = table.firstValid + 10; // a window inside the warmed-up part
  const last = first + 40;
  const opts = { horizon: h, minHoldingReturn: 0.005, startMs: bars.ts[first], endMs: bars.ts[last] };

  it('without it, the last `horizon` bars of the window stay unlabelled (no label peeks past endMs)', () => {
    const rows = buildLabelledRows([bars], [table], opts);
    expect(rows.n).toBe(last - first + 1 - h);
    expect(rows.ts[rows.n - 1]).toBe(bars.ts[last - h]);
    expect(rows.perSymbol?.[0]).toMatchObject({ windowBars: 41, horizon: h });
  });

  it('with it, every bar of the window is labelled, the last from the close `horizon` bars later', () => {
    const rows = buildLabelledRows([bars] as BarSeries[], [table], {
      ...opts,
      labelEndMs: bars.ts[last + h],
    });
    expect(rows.n).toBe(last - first + 1);
    expect(rows.ts[0]).toBe(bars.ts[first]);
    expect(rows.ts[rows.n - 1]).toBe(bars.ts[last]); // no row after the window
    // Entry at the next bar's open, exit at the close of bar t + h (computed here from the bars).
    const want = bars.close[last + h] / bars.open[last + 1] - 1;
    expect(rows.forwardReturn[rows.n - 1]).toBeCloseTo(want, 12);
    expect(rows.perSymbol?.[0]).toMatchObject({ windowBars: 41, labelled: 41, horizon: 0 });
  });
});
