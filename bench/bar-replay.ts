import { PerformanceObserver } from 'node:perf_hooks';
import type { BarSeries } from '../src/data/index.js';
import { BAR, BAR_FIELDS } from '../src/features/index.js';

/** Where bench/live-engine.ts and bench/stream-features.ts time their bar-by-bar replays. */

/** How a latency sample is taken: one per call of `onBar`, or one per bar time divided by the symbols. */
export type LatencyUnit = 'call' | 'barTime';

/**
 * Feeds bars [0, ticks) of every series as live: at each bar time, symbol after symbol, `onBar(s, bar)`
 * with the bar in BAR_FIELDS order (one reused Float64Array). With `lat`, records nanoseconds per sample
 * (see LatencyUnit): `lat` needs ticks × series.length slots per call, ticks per bar time. Returns the
 * samples written.
 */
export function driveBars(
  series: BarSeries[],
  ticks: number,
  onBar: (s: number, bar: Float64Array) => void,
  lat: Float64Array | null = null,
  unit: LatencyUnit = 'call',
): number {
  const bar = new Float64Array(BAR_FIELDS.length);
  const perCall = lat !== null && unit === 'call';
  const perTime = lat !== null && unit === 'barTime';
  let k = 0;
  for (let t = 0; t < ticks; t++) {
    const t0 = perTime ? performance.now() : 0;
    for (let s = 0; s < series.length; s++) {
      const b = series[s];
      bar[BAR.ts] = b.ts[t];
      bar[BAR.open] = b.open[t];
      bar[BAR.high] = b.high[t];
      bar[BAR.low] = b.low[t];
      bar[BAR.close] = b.close[t];
      bar[BAR.volume] = b.volume[t];
      if (perCall) {
        const c0 = performance.now();
        onBar(s, bar);
        (lat as Float64Array)[k++] = (performance.now() - c0) * 1e6;
      } else {
        onBar(s, bar);
      }
    }
    if (perTime) (lat as Float64Array)[k++] = ((performance.now() - t0) * 1e6) / series.length;
  }
  return k;
}

/** The q-quantile of ascending samples (nearest rank, as the other benches). */
export function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Wall seconds and process CPU seconds (user + system, all threads) spent in `f`. */
export async function timed<T>(
  f: () => Promise<T> | T,
): Promise<{ value: T; wallSeconds: number; cpuSeconds: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await f();
  const wallSeconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { value, wallSeconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/** Garbage collections (any kind) while `f` runs (0 = it allocated next to nothing). */
export async function gcCount(f: () => Promise<unknown> | unknown): Promise<number> {
  let n = 0;
  const obs = new PerformanceObserver((list) => {
    n += list.getEntries().length;
  });
  obs.observe({ entryTypes: ['gc'] });
  await f();
  await new Promise((r) => setTimeout(r, 50)); // gc entries are delivered asynchronously
  obs.disconnect();
  return n;
}
