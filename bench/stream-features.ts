import { PerformanceObserver } from 'node:perf_hooks';
import { type BarSeries, generateSyntheticMarket } from '../src/data/index.js';
import {
  BAR,
  BAR_FIELDS,
  computeFeaturesForAll,
  FeatureStream,
  streamFeatureTable,
} from '../src/features/index.js';
import type { Bench } from './figures.js';

/**
 * Streaming features on 36 symbols × 1 year of 5-minute bars, replayed as live: at each bar time every
 * symbol's FeatureStream takes its bar (pushBar) and writes a full 24-feature row. The latency of one tick
 * (all symbols) divided by the symbol count is one sample of the per-bar, per-symbol update time; the
 * figure is its median. Also counts garbage collections during an untimed replay (0 = no allocation per
 * bar) and checks the streamed tables against the batch bit for bit (mismatching values counted).
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
    replay(series, streams, Math.min(ticks, 3000), null); // JIT warm-up
    for (const s of streams) s.reset();
    const lat = new Float64Array(ticks);
    const t0 = performance.now();
    replay(series, streams, ticks, lat);
    const seconds = (performance.now() - t0) / 1000;
    lat.sort();
    const q = (p: number) => lat[Math.min(ticks - 1, Math.floor(p * ticks))];
    for (const s of streams) s.reset();
    const gcs = await gcCount(() => replay(series, streams, ticks, null));
    return {
      stream_feature_update_ns: Math.round(q(0.5)),
      stream_feature_update_p99_ns: Math.round(q(0.99)),
      stream_feature_bars_per_s: Math.round((ticks * symbols) / seconds),
      stream_feature_replay_gcs: gcs,
      stream_feature_parity_mismatches: mismatches(series),
    };
  },
};

/** Pushes bars [0, ticks) of every series, symbol after symbol per bar time; lat[t] = ns per symbol. */
function replay(
  series: BarSeries[],
  streams: FeatureStream[],
  ticks: number,
  lat: Float64Array | null,
): void {
  const bar = new Float64Array(BAR_FIELDS.length);
  const row = new Float64Array(streams[0].names.length);
  for (let t = 0; t < ticks; t++) {
    const t0 = lat === null ? 0 : performance.now();
    for (let s = 0; s < series.length; s++) {
      const b = series[s];
      bar[BAR.ts] = b.ts[t];
      bar[BAR.open] = b.open[t];
      bar[BAR.high] = b.high[t];
      bar[BAR.low] = b.low[t];
      bar[BAR.close] = b.close[t];
      bar[BAR.volume] = b.volume[t];
      streams[s].pushBar(bar, row);
    }
    if (lat !== null) lat[t] = ((performance.now() - t0) * 1e6) / series.length;
  }
}

/** Garbage collections (any kind) while `f` runs. */
async function gcCount(f: () => void): Promise<number> {
  let n = 0;
  const obs = new PerformanceObserver((list) => {
    n += list.getEntries().length;
  });
  obs.observe({ entryTypes: ['gc'] });
  f();
  await new Promise((r) => setTimeout(r, 50)); // gc entries are delivered asynchronously
  obs.disconnect();
  return n;
}

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
