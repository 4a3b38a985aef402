import { localDateTimeToEpoch, weekdaySessions } from './calendar.js';
import type { Frequency } from './types.js';

/** NSE continuous session: first 5-minute bar starts 09:15, the 75th starts 15:25 and closes 15:30. */
export const SESSION_OPEN_MINUTE = 9 * 60 + 15;
export const BARS_PER_SESSION_5M = 75;

/** Bar-start instants and each bar's index within its session (always 0 for daily bars). */
export interface TimeGrid {
  ts: Float64Array;
  barInSession: Int32Array;
  barsPerSession: number;
}

/** Builds the bar timestamps of weekday sessions between two dates in `tz`. */
export function buildTimeGrid(start: string, end: string, frequency: Frequency, tz: string): TimeGrid {
  const days = weekdaySessions(start, end, tz);
  const per = frequency === '1d' ? 1 : BARS_PER_SESSION_5M;
  const ts = new Float64Array(days.length * per);
  const barInSession = new Int32Array(days.length * per);
  let i = 0;
  for (const day of days) {
    const first = localDateTimeToEpoch(day, frequency === '1d' ? 0 : SESSION_OPEN_MINUTE, tz);
    for (let k = 0; k < per; k++, i++) {
      ts[i] = first + k * 300_000;
      barInSession[i] = k;
    }
  }
  return { ts, barInSession, barsPerSession: per };
}

/**
 * Intraday vol multiplier per bar (U-shape: busy open and close, quiet lunch), normalised so the
 * session's variance equals one day's; bar 0 also carries the overnight gap. Daily: [1].
 */
export function intradayVolScale(per: number): Float64Array {
  const out = new Float64Array(per);
  if (per === 1) {
    out[0] = 1;
    return out;
  }
  let sumSq = 0;
  for (let k = 0; k < per; k++) {
    const x = (2 * k) / (per - 1) - 1;
    out[k] = (0.7 + 0.8 * x * x) * (k === 0 ? 3 : 1);
    sumSq += out[k] * out[k];
  }
  const norm = 1 / Math.sqrt(sumSq);
  for (let k = 0; k < per; k++) out[k] *= norm;
  return out;
}

/** Intraday log-volume offsets (U-shape, mean zero in level terms); daily: [0]. */
export function intradayVolumeProfile(per: number): Float64Array {
  const out = new Float64Array(per);
  if (per === 1) return out;
  let sum = 0;
  for (let k = 0; k < per; k++) {
    const x = (2 * k) / (per - 1) - 1;
    out[k] = 0.45 + 1.6 * x * x + (k === 0 ? 0.8 : 0);
    sum += out[k];
  }
  // Share of the day's volume traded in each bar.
  for (let k = 0; k < per; k++) out[k] = Math.log(out[k] / sum);
  return out;
}
