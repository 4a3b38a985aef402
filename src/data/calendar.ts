import { ConfigError } from '../core/index.js';
import { civilFromDays, isoDateOfDays, MS_PER_DAY, MS_PER_MINUTE, pad2, weekdayOfDays } from './civil.js';
import { parseTimestamp } from './parse-timestamp.js';
import { tzOffsetMs, zonedToEpoch } from './tz-offset.js';

/** Default exchange timezone (NSE). */
export const DEFAULT_TZ = 'Asia/Kolkata';

/** Formats an instant as ISO-8601 local time of `tz` with its offset, e.g. `2024-01-02T09:15:00+05:30`. */
export function formatTs(epochMs: number, tz: string = DEFAULT_TZ): string {
  if (!Number.isFinite(epochMs)) return String(epochMs);
  const off = tzOffsetMs(tz, epochMs);
  const local = epochMs + off;
  const days = Math.floor(local / MS_PER_DAY);
  let rest = local - days * MS_PER_DAY;
  const c = civilFromDays(days);
  const y = c[0];
  const date = `${y >= 0 && y < 10000 ? String(y).padStart(4, '0') : String(y)}-${pad2(c[1])}-${pad2(c[2])}`;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / MS_PER_MINUTE);
  rest -= mi * MS_PER_MINUTE;
  const sec = Math.floor(rest / 1000);
  const ms = rest - sec * 1000;
  const frac = ms === 0 ? '' : `.${String(ms).padStart(3, '0')}`;
  const a = Math.abs(off) / 1000;
  const oh = Math.floor(a / 3600);
  const om = Math.floor((a % 3600) / 60);
  const os = a % 60;
  const offset = `${off < 0 ? '-' : '+'}${pad2(oh)}:${pad2(om)}${os === 0 ? '' : `:${pad2(os)}`}`;
  return `${date}T${pad2(h)}:${pad2(mi)}:${pad2(sec)}${frac}${offset}`;
}

/** Local calendar date `YYYY-MM-DD` of an instant in `tz`. */
export function localDate(epochMs: number, tz: string = DEFAULT_TZ): string {
  return isoDateOfDays(Math.floor((epochMs + tzOffsetMs(tz, epochMs)) / MS_PER_DAY));
}

/** Local minutes after midnight of an instant in `tz` (09:15 → 555). */
export function localMinuteOfDay(epochMs: number, tz: string = DEFAULT_TZ): number {
  const local = epochMs + tzOffsetMs(tz, epochMs);
  return Math.floor((local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY) / MS_PER_MINUTE);
}

/** Day of week (0 = Sunday … 6 = Saturday) of an instant in `tz`. */
export function localWeekday(epochMs: number, tz: string = DEFAULT_TZ): number {
  return weekdayOfDays(Math.floor((epochMs + tzOffsetMs(tz, epochMs)) / MS_PER_DAY));
}

/** The instant of local wall-clock `date` (`YYYY-MM-DD`) + `minuteOfDay` minutes in `tz`. */
export function localDateTimeToEpoch(date: string, minuteOfDay: number, tz: string = DEFAULT_TZ): number {
  const midnightWall = parseTimestamp(date, 'UTC');
  if (date.length !== 10 || Number.isNaN(midnightWall)) return Number.NaN;
  return zonedToEpoch(midnightWall + minuteOfDay * MS_PER_MINUTE, tz);
}

function dayNumber(x: string | number, tz: string, name: string): number {
  if (typeof x === 'number') return Math.floor((x + tzOffsetMs(tz, x)) / MS_PER_DAY);
  const wall = x.length === 10 ? parseTimestamp(x, 'UTC') : Number.NaN;
  if (Number.isNaN(wall)) {
    throw new ConfigError(`Invalid ${name} date`, [
      { path: name, message: 'expected a date YYYY-MM-DD', value: x, fix: 'write it like 2024-01-31' },
    ]);
  }
  return wall / MS_PER_DAY;
}

/**
 * Weekday (Mon–Fri) session dates `YYYY-MM-DD` from `start` to `end` inclusive; each bound is a
 * date string or an instant read as a local date in `tz`. Exchange holidays are not modelled.
 */
export function weekdaySessions(
  start: string | number,
  end: string | number,
  tz: string = DEFAULT_TZ,
): string[] {
  const a = dayNumber(start, tz, 'start');
  const b = dayNumber(end, tz, 'end');
  const out: string[] = [];
  for (let z = a; z <= b; z++) {
    const wd = weekdayOfDays(z);
    if (wd !== 0 && wd !== 6) out.push(isoDateOfDays(z));
  }
  return out;
}
