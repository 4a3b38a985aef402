import type { Params } from './params-schema.js';

const DAY = 86_400_000;
/** 5-minute bars in a day: the synthetic NSE session (09:15–15:30), and any CSV (a 24 h market). */
const BARS_PER_DAY_5M = { synthetic: 75, csv: 288 } as const;

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
export function maxBarsInWindow(p: Params): number {
  const { days, weekdays } = daysBetween(p.data.start, p.data.end);
  const sessions = p.data.source === 'synthetic' ? weekdays : days;
  return p.data.frequency === '1d' ? sessions : sessions * BARS_PER_DAY_5M[p.data.source];
}
