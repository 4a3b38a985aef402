import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/backtest/index.js';
import { createRng } from '../../src/core/index.js';
import { type BarSeries, generateSyntheticMarket } from '../../src/data/index.js';
import { labelForwardReturns } from '../../src/labels/index.js';
import { OutcomeTracker, StudentMonitor } from '../../src/live/index.js';
import { accuracyMetrics } from '../../src/validation/index.js';

/** Bar i of a series in BAR_FIELDS order. */
function barAt(b: BarSeries, i: number): Float64Array {
  return Float64Array.from([b.ts[i], b.open[i], b.high[i], b.low[i], b.close[i], b.volume[i]]);
}

const config = {
  windowMs: Number.POSITIVE_INFINITY,
  minSamples: 1,
  precisionDropThreshold: 1,
  hitRatioDropThreshold: 1,
  cooldownMs: 0,
  autoRollback: false,
  confirmationMs: 0,
};

describe('OutcomeTracker realises outcomes as the validation backtest scores them', () => {
  const series = generateSyntheticMarket({
    seed: 7,
    symbols: ['TCS', 'ITC', 'SBIN'],
    start: '2023-01-01',
    end: '2024-06-30',
    frequency: '1d',
  });

  for (const horizon of [1, 5]) {
    it(`precision, accuracy and hit ratio equal accuracyMetrics + simulate over random targets (horizon ${horizon})`, () => {
      const rng = createRng(`targets${horizon}`);
      const mhr = 0.004;
      const monitor = new StudentMonitor(config, { precision: null, hitRatio: null, source: 'test' });
      const tracker = new OutcomeTracker(series.length, horizon, mhr, monitor);
      const targets = series.map((b) => {
        const t = new Int8Array(b.ts.length);
        let cur = 0;
        for (let i = 0; i < t.length; i++) {
          if (rng.next() < 0.3) cur = rng.int(3) - 1;
          t[i] = cur;
        }
        return t;
      });
      // Bar times in order, symbols within a bar time, as the engine sees them.
      for (let i = 0; i < series[0].ts.length; i++) {
        monitor.at(series[0].ts[i]);
        series.forEach((b, s) => {
          tracker.onBar(s, barAt(b, i), targets[s][i]);
        });
      }
      let longs = 0;
      let longRight = 0;
      let labelled = 0;
      let right = 0;
      let inMarket = 0;
      let hits = 0;
      series.forEach((b, s) => {
        const realised = labelForwardReturns(b, { horizon, minHoldingReturn: mhr }).label;
        const acc = accuracyMetrics(targets[s], realised);
        longs += acc.long_decisions;
        longRight += Math.round(acc.precision_long * acc.long_decisions);
        labelled += acc.labelled_bars;
        right += Math.round(acc.accuracy * acc.labelled_bars);
        const sim = simulate(b, targets[s], { commissionBps: 0, slippageBps: 0 });
        inMarket += sim.barsInMarket;
        hits += sim.hitBars;
      });
      const c = monitor.cumulative;
      expect(Array.from(c)).toEqual([longs, longRight, inMarket, hits, labelled, right]);
      expect(longs).toBeGreaterThan(100);
      expect(inMarket).toBeGreaterThan(500);
    });
  }

  it('reset() drops pending decisions and positions: a new model starts with an empty record', () => {
    const monitor = new StudentMonitor(config, { precision: null, hitRatio: null, source: 'test' });
    const tracker = new OutcomeTracker(1, 2, 0, monitor);
    const b = series[0];
    for (let i = 0; i < 10; i++) tracker.onBar(0, barAt(b, i), 1);
    const before = Array.from(monitor.cumulative);
    tracker.reset();
    // Bars 10, 11 would resolve decisions 8, 9 and count the held long position; after reset they do not.
    tracker.onBar(0, barAt(b, 10), 0);
    tracker.onBar(0, barAt(b, 11), 0);
    expect(Array.from(monitor.cumulative)).toEqual(before);
  });
});
