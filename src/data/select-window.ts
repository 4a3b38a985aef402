import { ConfigError, type Issue } from '../core/index.js';
import { localDate, localDateTimeToEpoch } from './calendar.js';
import { MS_PER_DAY } from './civil.js';
import { type BarSeries, sliceBars } from './types.js';

/** The bars a run asks for: `[startMs, endMs]` is labelled; `[lookbackMs, startMs)` only warms up features. */
export interface BarWindow {
  startMs: number;
  endMs: number;
  lookbackMs: number;
}

/**
 * The window of `data.start` … `data.end` (inclusive session dates in `tz`) with `lookbackDays` calendar
 * days of warm-up history before it.
 */
export function barWindow(start: string, end: string, lookbackDays: number, tz: string): BarWindow {
  const startMs = localDateTimeToEpoch(start, 0, tz);
  // The end date's last instant: next local midnight − 1 ms (exact across DST changes).
  const next = new Date(Date.parse(`${end}T00:00:00Z`) + MS_PER_DAY).toISOString().slice(0, 10);
  const endMs = localDateTimeToEpoch(next, 0, tz) - 1;
  return { startMs, endMs, lookbackMs: startMs - lookbackDays * MS_PER_DAY };
}

/** Per symbol: bars kept for warm-up before the window and inside it. */
export interface WindowCounts {
  lookback: number;
  window: number;
}

/**
 * Cuts every series to `[lookbackMs, endMs]`. A symbol with no bar inside `[startMs, endMs]` is a
 * ConfigError naming it and the range it does have.
 */
export function selectWindow(
  series: BarSeries[],
  w: BarWindow,
  labels: { start: string; end: string; path: string },
): { series: BarSeries[]; counts: Record<string, WindowCounts> } {
  const issues: Issue[] = [];
  const counts: Record<string, WindowCounts> = {};
  const out = series.map((b) => {
    const ts = b.ts;
    let lo = 0;
    while (lo < ts.length && ts[lo] < w.lookbackMs) lo++;
    let s = lo;
    while (s < ts.length && ts[s] < w.startMs) s++;
    let hi = s;
    while (hi < ts.length && ts[hi] <= w.endMs) hi++;
    if (hi === s) {
      const has =
        ts.length === 0
          ? 'no bars at all'
          : `bars from ${localDate(ts[0], b.tz)} to ${localDate(ts[ts.length - 1], b.tz)}`;
      issues.push({
        path: labels.path,
        value: b.symbol,
        message: `${b.symbol} has ${has}, none in ${labels.start} … ${labels.end}`,
        fix: 'move data.start/data.end (or --start-date/--end-date) into the data, or drop the symbol from data.symbols',
      });
    }
    counts[b.symbol] = { lookback: s - lo, window: hi - s };
    return sliceBars(b, lo, hi);
  });
  if (issues.length > 0) throw new ConfigError('the requested window holds no data for some symbols', issues);
  return { series: out, counts };
}
