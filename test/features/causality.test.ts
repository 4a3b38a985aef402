import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/index.js';
import { allocBars, type BarSeries, sliceBars } from '../../src/data/types.js';
import {
  buildFeatureTable,
  computeIndicators,
  type FeatureOptions,
  type FeatureTable,
} from '../../src/features/index.js';
import { fillBar, randomWalkBars } from './helpers.js';

function copyBars(b: BarSeries): BarSeries {
  const c = allocBars(b.symbol, b.tz, b.ts.length);
  for (const k of ['ts', 'open', 'high', 'low', 'close', 'volume'] as const) c[k].set(b[k]);
  return c;
}

/** First (column, row) with row ≤ t whose values are not bit-identical (NaN equals NaN), or null. */
function firstDiff(a: FeatureTable, b: FeatureTable, t: number): string | null {
  expect(b.names).toEqual(a.names);
  for (let c = 0; c < a.names.length; c++) {
    for (let i = 0; i <= t; i++) {
      if (!Object.is(a.columns[c][i], b.columns[c][i])) {
        return `${a.names[c]}[${i}]: ${a.columns[c][i]} vs ${b.columns[c][i]} (t = ${t})`;
      }
    }
  }
  return null;
}

function anyDiffAfter(a: FeatureTable, b: FeatureTable, t: number): boolean {
  return a.columns.some((col, c) => col.some((v, i) => i > t && !Object.is(v, b.columns[c][i])));
}

describe('causality', () => {
  it('rows ≤ t of every feature and raw indicator ignore any change to bars after t', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 2, max: 260 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.boolean(),
        (seed, n, tFrac, pChange, intraday) => {
          const base = randomWalkBars(seed, n, { intraday });
          const t = Math.floor(tFrac * (n - 1));
          const changed = copyBars(base);
          const rng = createRng(`mutate-${seed}`);
          let mutated = false;
          for (let i = t + 1; i < n; i++) {
            if (rng.next() >= pChange) continue;
            // Any valid bar: new level, new volatility regime, zero or huge volumes.
            const prev = changed.close[i - 1] * Math.exp(rng.normal() * 0.2);
            fillBar(changed, i, prev, 0.001 + rng.next() * 0.1, rng.next, () => rng.normal(), rng.next());
            if (rng.next() < 0.1) changed.volume[i] *= 1e6;
            mutated = true;
          }
          const modes: FeatureOptions[] = [{}, { vwapMode: 'rolling' }, { vwapMode: 'session' }];
          for (const opts of modes) {
            const a = buildFeatureTable(base, opts);
            const b = buildFeatureTable(changed, opts);
            expect(firstDiff(a, b, t)).toBeNull();
            if (mutated) expect(anyDiffAfter(a, b, t)).toBe(true); // the mutation is visible later on
            expect(firstDiff(computeIndicators(base, opts), computeIndicators(changed, opts), t)).toBeNull();
          }
          // Truncating the series after t gives the same rows (no look-ahead through the series length).
          for (const vwapMode of ['rolling', 'session'] as const) {
            const full = buildFeatureTable(base, { vwapMode });
            const prefix = buildFeatureTable(sliceBars(base, 0, t + 1), { vwapMode });
            expect(firstDiff(full, prefix, t)).toBeNull();
            const fullInd = computeIndicators(base, { vwapMode });
            expect(
              firstDiff(fullInd, computeIndicators(sliceBars(base, 0, t + 1), { vwapMode }), t),
            ).toBeNull();
          }
        },
      ),
      { numRuns: 80, seed: 20240601 },
    );
  });

  it('holds across the running-sum recompute boundaries of long series', () => {
    const base = randomWalkBars('long', 3000);
    for (const t of [1023, 1024, 1100, 2047, 2600]) {
      const changed = copyBars(base);
      for (let i = t + 1; i < 3000; i++) changed.close[i] *= 1.5;
      for (let i = t + 1; i < 3000; i++) changed.high[i] = Math.max(changed.high[i], changed.close[i]);
      expect(firstDiff(buildFeatureTable(base), buildFeatureTable(changed), t)).toBeNull();
      expect(firstDiff(computeIndicators(base), computeIndicators(changed), t)).toBeNull();
    }
  });
});
