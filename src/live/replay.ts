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
 * The merge of several series by bar time, stepping one bar time at a time (sync, so the hot loop is a
 * plain optimised function rather than an async state machine).
 */
class BarTimeMerge {
  private readonly cursor: Int32Array;
  private readonly bar = new Float64Array(BAR_FIELDS.length);
  /** [current bar time, start, end] kept unboxed. */
  private readonly t = new Float64Array(3);
  ticks = 0;
  warmBars = 0;
  barTimes = 0;

  constructor(
    private readonly engine: LiveEngine,
    private readonly series: BarSeries[],
    start: number,
    end: number,
    private readonly onDecision: ((d: Decision) => void) | undefined,
  ) {
    this.cursor = new Int32Array(series.length);
    this.t[1] = start;
    this.t[2] = end;
  }

  /** Feeds the next bar time's bars; returns how many (0 = done). */
  step(): number {
    const { series, cursor, bar, engine, t } = this;
    let now = Number.POSITIVE_INFINITY;
    for (let i = 0; i < series.length; i++) {
      const c = cursor[i];
      const ts = series[i].ts;
      if (c < ts.length && ts[c] < now) now = ts[c];
    }
    if (now === Number.POSITIVE_INFINITY || now > t[2]) return 0;
    const warm = now < t[1];
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
      if (warm) {
        engine.warmBar(i, bar);
      } else {
        const d = engine.onBar(i, bar);
        if (this.onDecision !== undefined) this.onDecision(d);
      }
    }
    if (warm) this.warmBars += n;
    else {
      this.ticks += n;
      this.barTimes++;
    }
    return n;
  }
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
  const end = opts.endMs ?? Number.POSITIVE_INFINITY;
  const pace = opts.paceMs ?? 0;
  const yieldEvery = opts.yieldEvery ?? 256;
  let total = 0;
  for (const s of series) for (let i = 0; i < s.ts.length && s.ts[i] <= end; i++) total++;
  const progress = { done: 0, total };
  engine.supervisor.progress = progress;
  const merge = new BarTimeMerge(
    engine,
    series,
    opts.startMs ?? Number.NEGATIVE_INFINITY,
    end,
    opts.onDecision,
  );
  const t0 = performance.now();
  for (let steps = 1; ; steps++) {
    const n = merge.step();
    if (n === 0) break;
    progress.done += n;
    opts.progress?.tick(n);
    if (pace > 0) await sleep(pace);
    else if (steps % yieldEvery === 0) await nextTurn();
  }
  opts.progress?.done();
  const wallSeconds = (performance.now() - t0) / 1000;
  return {
    barTimes: merge.barTimes,
    warmBars: merge.warmBars,
    ticks: merge.ticks,
    wallSeconds,
    ticksPerSecond: wallSeconds > 0 ? merge.ticks / wallSeconds : 0,
  };
}
