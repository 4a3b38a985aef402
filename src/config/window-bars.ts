import type { Params } from './params-schema.js';

const DAY = 86_400_000;
/** Minutes of trading per day: the synthetic NSE session (09:15–15:30), and any CSV (a 24 h market). */
const SESSION_MINUTES = { synthetic: 375, csv: 1440 } as const;
const BAR_MINUTES: Record<string, number> = { '1m': 1, '5m': 5, '15m': 15, '30m': 30, '1h': 60 };

/** Days from `start` to `end` inclusive (YYYY-MM-DD), and how many of them are Monday–Friday. */
export function daysBetween(start: string, end: string): { days: number; weekdays: number } {
  const a = Date.parse(`${start}T00:00:00Z`);
  const b = Date.parse(`${end}T00:00:00Z`);
  if (!(b >= a)) return { days: 0, weekdays: 0 };
  const days = Math.round((b - a) / DAY) + 1;
  let weekdays = Math.floor(days / 7) * 5;
  const first = new Date(a).getUTCDay();
  for (let i = 0; i < days % 7; i++) {
    const d = (first + i) % 7;
    if (d !== 0 && d !== 6) weekdays++;
  }
  return { days, weekdays };
}

/**
 * Most bars one symbol can have in data.start … data.end at data.frequency: synthetic data has weekday
 * sessions only; imported CSVs may trade every day (and, at 5m, around the clock). An upper bound, so a
 * rule built on it never refuses data that would fit; the time split checks the real count.
 */
/** The bar frequency known when params load: `auto` is daily for synthetic data, unknown (null) for CSVs. */
export function windowFrequency(p: Params): string | null {
  return p.data.frequency === 'auto' ? (p.data.source === 'synthetic' ? '1d' : null) : p.data.frequency;
}

export function maxBarsInWindow(p: Params): number {
  const { days, weekdays } = daysBetween(p.data.start, p.data.end);
  const sessions = p.data.source === 'synthetic' ? weekdays : days;
  // For CSVs under `auto` the time split checks the real count.
  const f = windowFrequency(p);
  if (f === null) return 0;
  if (f === '1d') return sessions;
  if (f === '1wk') return Math.ceil(days / 7);
  return sessions * Math.ceil(SESSION_MINUTES[p.data.source] / (BAR_MINUTES[f] ?? 1));
}
