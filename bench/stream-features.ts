import { type BarSeries, generateSyntheticMarket } from '../src/data/index.js';
import { computeFeaturesForAll, FeatureStream, streamFeatureTable } from '../src/features/index.js';
import { driveBars, gcCount, quantile, timed } from './bar-replay.js';
import type { Bench } from './figures.js';

/**
 * Streaming features on 36 symbols × 1 year of 5-minute bars, replayed as live: at each bar time every
 * symbol's FeatureStream takes its bar (pushBar) and writes a full 24-feature row. The latency of one tick
 * (all symbols) divided by the symbol count is one sample of the per-bar, per-symbol update time; the
 * figure is its median. Also counts garbage collections during an untimed replay (0 = no allocation per
 * bar) and checks the streamed tables against the batch bit for bit (mismatching values counted). Bars
 * per second are over wall time and over process CPU time (less disturbed by other processes).
 */
export const streamFeatures: Bench = {
  name: 'stream_features',
  async run() {
    const series = generateSyntheticMarket({
      seed: 42,
      start: '2024-01-01',
      end: '2024-12-31',
      frequency: '5m',
    });
    const symbols = series.length;
    const ticks = Math.min(...series.map((b) => b.ts.length));
    const streams = series.map((b) => new FeatureStream({ tz: b.tz, frequency: '5m' }));
    const row = new Float64Array(streams[0].names.length);
    const push = (s: number, bar: Float64Array) => {
      streams[s].pushBar(bar, row);
    };
    const restart = () => {
      for (const s of streams) s.reset();
    };
    driveBars(series, Math.min(ticks, 3000), push); // JIT warm-up
    restart();
    const lat = new Float64Array(ticks);
    const run = await timed(() => driveBars(series, ticks, push, lat, 'barTime'));
    lat.sort();
    restart();
    const gcs = await gcCount(() => driveBars(series, ticks, push));
    return {
      stream_feature_update_ns: Math.round(quantile(lat, 0.5)),
      stream_feature_update_p99_ns: Math.round(quantile(lat, 0.99)),
      stream_feature_bars_per_s: Math.round((ticks * symbols) / run.wallSeconds),
      stream_feature_bars_per_cpu_s: Math.round((ticks * symbols) / run.cpuSeconds),
      stream_feature_replay_gcs: gcs,
      stream_feature_parity_mismatches: mismatches(series),
    };
  },
};

function mismatches(series: BarSeries[]): number {
  const batch = computeFeaturesForAll(series, { vwapMode: 'session' });
  let bad = 0;
  series.forEach((bars, s) => {
    const got = streamFeatureTable(bars, { frequency: '5m' });
    if (got.firstValid !== batch[s].firstValid) bad++;
    batch[s].columns.forEach((col, j) => {
      for (let i = 0; i < col.length; i++) if (!Object.is(col[i], got.columns[j][i])) bad++;
    });
  });
  return bad;
}
