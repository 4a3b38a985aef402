import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, type Progress } from '../core/index.js';
import type { BarSeries } from '../data/index.js';
import { BAR, BAR_FIELDS } from '../features/index.js';
import type { Decision } from './decision.js';
import type { LiveEngine } from './live-engine.js';

/** Options of a replay over stored bars. */
export interface ReplayOptions {
  /** First bar time decided (earlier bars only warm the features and strategies); default: the first bar. */
  startMs?: number;
  /** Last bar time decided (inclusive); default: the last bar. */
  endMs?: number;
  /** Wall-clock pause after each bar time, to watch a replay live on the dashboard (default 0). */
  paceMs?: number;
  /** Without a pace, let other work (a dashboard server) run every this many bar times (default 256). */
  yieldEvery?: number;
  progress?: Progress | null;
  /** Sees every decision (the object is reused: copy what you keep). */
  onDecision?: (d: Decision) => void;
}

/** Counts of a replay; the engine's final status holds the rest. */
export interface ReplayCounts {
  barTimes: number;
  warmBars: number;
  ticks: number;
  wallSeconds: number;
  ticksPerSecond: number;
}

/**
 * Runs stored bars through the engine one bar at a time as if live: bar times in order, every symbol's
 * bar of a bar time before the next. `series[i]` is the engine's symbol i. Bars before `startMs` warm the
 * state up (so features and the swing rule equal the batch computed from the series start); bars after
 * `endMs` are not read.
 */
export async function replay(
  engine: LiveEngine,
  series: BarSeries[],
  opts: ReplayOptions = {},
): Promise<ReplayCounts> {
  if (series.length !== engine.symbols.length || series.some((s, i) => s.symbol !== engine.symbols[i])) {
    throw new ConfigError('replay series do not match the engine symbols', [
      {
        path: 'symbols',
        message: 'series[i] must be the bars of engine symbol i',
        value: series.map((s) => s.symbol),
      },
    ]);
  }
  const start = opts.startMs ?? Number.NEGATIVE_INFINITY;
  const end = opts.endMs ?? Number.POSITIVE_INFINITY;
  const pace = opts.paceMs ?? 0;
  const yieldEvery = opts.yieldEvery ?? 256;
  const cursor = new Int32Array(series.length);
  const bar = new Float64Array(BAR_FIELDS.length);
  const counts: ReplayCounts = { barTimes: 0, warmBars: 0, ticks: 0, wallSeconds: 0, ticksPerSecond: 0 };
  let total = 0;
  for (const s of series) for (let i = 0; i < s.ts.length && s.ts[i] <= end; i++) total++;
  let steps = 0;
  const t0 = performance.now();
  let done = 0;
  for (;;) {
    let now = Number.POSITIVE_INFINITY;
    for (let i = 0; i < series.length; i++) {
      const c = cursor[i];
      if (c < series[i].ts.length && series[i].ts[c] < now) now = series[i].ts[c];
    }
    if (now === Number.POSITIVE_INFINITY || now > end) break;
    let n = 0;
    for (let i = 0; i < series.length; i++) {
      const s = series[i];
      const c = cursor[i];
      if (c >= s.ts.length || s.ts[c] !== now) continue;
      bar[BAR.ts] = now;
      bar[BAR.open] = s.open[c];
      bar[BAR.high] = s.high[c];
      bar[BAR.low] = s.low[c];
      bar[BAR.close] = s.close[c];
      bar[BAR.volume] = s.volume[c];
      cursor[i] = c + 1;
      n++;
      if (now < start) {
        engine.warmBar(i, bar);
        counts.warmBars++;
      } else {
        const d = engine.onBar(i, bar);
        counts.ticks++;
        opts.onDecision?.(d);
      }
    }
    done += n;
    opts.progress?.tick(n);
    if (now >= start) counts.barTimes++;
    engine.supervisor.progress = { done, total };
    if (pace > 0) await sleep(pace);
    else if (++steps % yieldEvery === 0) await nextTurn();
  }
  opts.progress?.done();
  counts.wallSeconds = (performance.now() - t0) / 1000;
  counts.ticksPerSecond = counts.wallSeconds > 0 ? counts.ticks / counts.wallSeconds : 0;
  return counts;
}
