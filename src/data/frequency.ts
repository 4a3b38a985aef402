import type { BarSeries, Frequency } from './types.js';
import { barMinutes } from './types.js';

/** Every frequency the pipeline accepts, shortest first. */
export const FREQUENCIES: readonly Frequency[] = ['1m', '5m', '15m', '30m', '1h', '1d', '1wk'];

/** True for bars of a day or longer (session date = calendar date; VWAP over a rolling window). */
export function isDailyOrLonger(f: Frequency): boolean {
  return f === '1d' || f === '1wk';
}

/** What the spacing of one series says about its frequency. */
export interface SpacingInference {
  /** The matching frequency, or null when the typical spacing matches none (or there are < 2 bars). */
  frequency: Frequency | null;
  /** Median spacing between consecutive bars in ms (NaN with < 2 bars). */
  medianSpacingMs: number;
}

// At most this many gaps are sorted for the median (evenly strided), so inference stays O(n).
const SAMPLE = 4096;
// A spacing within 10 % of a frequency's bar length matches it: daily bars stamped at local midnight
// are 23 h or 25 h apart across a DST change.
const TOLERANCE = 0.1;

/**
 * Infers the bar frequency from the median spacing of consecutive bars. Overnight and weekend gaps are
 * the minority for intraday bars (one per session) and for daily bars (one weekend per five sessions),
 * so the median is the bar length.
 */
export function inferFrequency(ts: ArrayLike<number>): SpacingInference {
  const n = ts.length;
  if (n < 2) return { frequency: null, medianSpacingMs: Number.NaN };
  const gaps = n - 1;
  const m = Math.min(gaps, SAMPLE);
  const sample = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = Math.floor((k * gaps) / m);
    sample[k] = ts[i + 1] - ts[i];
  }
  sample.sort();
  const median = sample[m >> 1];
  let frequency: Frequency | null = null;
  for (const f of FREQUENCIES) {
    const len = barMinutes(f) * 60_000;
    if (Math.abs(median - len) <= TOLERANCE * len) frequency = f;
  }
  return { frequency, medianSpacingMs: median };
}

/** Human text of a spacing for messages: `5 min`, `1 h`, `1 day`, `7 days`. */
export function describeSpacing(ms: number): string {
  if (!Number.isFinite(ms)) return 'unknown';
  const min = ms / 60_000;
  if (min < 60) return `${Number(min.toFixed(2))} min`;
  if (min < 1440) return `${Number((min / 60).toFixed(2))} h`;
  const d = Number((min / 1440).toFixed(2));
  return `${d} day${d === 1 ? '' : 's'}`;
}

/** The frequency shared by every series with two or more bars (null when none has two bars or they differ). */
export function commonFrequency(series: readonly BarSeries[]): Frequency | null {
  let out: Frequency | null = null;
  for (const s of series) {
    const f = inferFrequency(s.ts).frequency;
    if (f === null) continue;
    if (out !== null && out !== f) return null;
    out = f;
  }
  return out;
}
