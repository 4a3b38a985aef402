import { ConfigError } from '../core/index.js';
import { MS_PER_DAY, MS_PER_MINUTE } from './civil.js';

/**
 * UTC offsets of IANA timezones through Intl, cached per UTC day. A day entry holds the offset at
 * its start and end and, when they differ, the DST transition instant found by bisection, so a
 * lookup is one Map hit instead of a formatToParts call (the CSV importer does one per row).
 */
interface DayEntry {
  before: number;
  after: number;
  transition: number;
}

interface ZoneCache {
  fmt: Intl.DateTimeFormat;
  days: Map<number, DayEntry>;
}

const zones = new Map<string, ZoneCache>();
const MAX_CACHED_DAYS = 200_000;

/** True when `tz` is an IANA timezone name Intl knows. */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function zone(tz: string): ZoneCache {
  let z = zones.get(tz);
  if (z) return z;
  if (typeof tz !== 'string' || !isValidTimeZone(tz)) {
    throw new ConfigError(`Unknown timezone ${JSON.stringify(tz)}`, [
      { path: 'tz', message: 'not an IANA timezone name', value: tz, fix: 'use a name such as Asia/Kolkata' },
    ]);
  }
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  z = { fmt, days: new Map() };
  zones.set(tz, z);
  return z;
}

function intlOffsetMs(fmt: Intl.DateTimeFormat, epochMs: number): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const p of fmt.formatToParts(whole)) {
    if (p.type === 'year') y = Number(p.value);
    else if (p.type === 'month') mo = Number(p.value);
    else if (p.type === 'day') d = Number(p.value);
    else if (p.type === 'hour') h = Number(p.value);
    else if (p.type === 'minute') mi = Number(p.value);
    else if (p.type === 'second') s = Number(p.value);
  }
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  return date.getTime() - whole;
}

function dayEntry(z: ZoneCache, day: number): DayEntry {
  let e = z.days.get(day);
  if (e) return e;
  const start = day * MS_PER_DAY;
  const before = intlOffsetMs(z.fmt, start);
  const after = intlOffsetMs(z.fmt, start + MS_PER_DAY - 1000);
  let transition = Number.POSITIVE_INFINITY;
  if (before !== after) {
    // Bisect on whole minutes for the first instant that already has the new offset.
    let lo = 0;
    let hi = 1439;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (intlOffsetMs(z.fmt, start + mid * MS_PER_MINUTE) === after) hi = mid;
      else lo = mid + 1;
    }
    transition = start + lo * MS_PER_MINUTE;
  }
  e = { before, after, transition };
  if (z.days.size >= MAX_CACHED_DAYS) z.days.clear();
  z.days.set(day, e);
  return e;
}

/** Offset (local − UTC) in milliseconds of `tz` at the instant `epochMs`. */
export function tzOffsetMs(tz: string, epochMs: number): number {
  const e = dayEntry(zone(tz), Math.floor(epochMs / MS_PER_DAY));
  return epochMs < e.transition ? e.before : e.after;
}

/** Offset (local − UTC) in minutes of the IANA timezone `tz` at the instant `epochMs` (IST → 330). */
export function tzOffsetMinutes(tz: string, epochMs: number): number {
  return tzOffsetMs(tz, epochMs) / MS_PER_MINUTE;
}

/**
 * Converts a local wall-clock time (given as the epoch ms it would have in UTC) to an instant.
 * Ambiguous times (DST fall-back) take the earlier instant; non-existent times (spring-forward
 * gap) are shifted forward by the gap, as Temporal's 'compatible' disambiguation does.
 */
export function zonedToEpoch(wallMs: number, tz: string): number {
  const before = tzOffsetMs(tz, wallMs - MS_PER_DAY);
  const after = tzOffsetMs(tz, wallMs + MS_PER_DAY);
  const u1 = wallMs - before;
  const ok1 = tzOffsetMs(tz, u1) === before;
  if (before === after) return ok1 ? u1 : wallMs - tzOffsetMs(tz, u1);
  const u2 = wallMs - after;
  const ok2 = tzOffsetMs(tz, u2) === after;
  if (ok1 && ok2) return Math.min(u1, u2);
  if (ok1) return u1;
  if (ok2) return u2;
  return u1;
}

/** How a naive wall time maps to instants: once, twice (DST fall-back) or never (spring-forward gap). */
export const LocalTimeKind = { unique: 0, repeated: 1, gap: 2 } as const;

/** Scratch result of resolveLocalTime (no allocation per row): the earlier and later instant. */
export const localTime = { kind: 0 as number, early: 0, late: 0 };

/**
 * Classifies the wall time `wallMs` (epoch ms of that wall time read in UTC) in `tz`: `repeated` when it
 * occurs twice (fall-back; early/late are its two instants), `gap` when it does not exist (spring-forward;
 * early = late = the instant zonedToEpoch shifts it to), else `unique`. Returns `localTime.kind`.
 */
export function resolveLocalTime(wallMs: number, tz: string): number {
  const before = tzOffsetMs(tz, wallMs - MS_PER_DAY);
  const after = tzOffsetMs(tz, wallMs + MS_PER_DAY);
  const u1 = wallMs - before;
  const ok1 = tzOffsetMs(tz, u1) === before;
  if (before === after) {
    const u = ok1 ? u1 : wallMs - tzOffsetMs(tz, u1);
    localTime.kind = LocalTimeKind.unique;
    localTime.early = u;
    localTime.late = u;
    return localTime.kind;
  }
  const u2 = wallMs - after;
  const ok2 = tzOffsetMs(tz, u2) === after;
  if (ok1 && ok2 && u1 !== u2) {
    localTime.kind = LocalTimeKind.repeated;
    localTime.early = Math.min(u1, u2);
    localTime.late = Math.max(u1, u2);
  } else if (ok1 || ok2) {
    localTime.kind = LocalTimeKind.unique;
    localTime.early = ok1 ? u1 : u2;
    localTime.late = localTime.early;
  } else {
    localTime.kind = LocalTimeKind.gap;
    localTime.early = u1;
    localTime.late = u1;
  }
  return localTime.kind;
}

/**
 * Local wall-clock times (epoch ms of the wall time read in UTC) of many instants in `tz`: one cached day
 * lookup per UTC day instead of one per instant, for per-bar calendar checks on long intraday series.
 */
export function toLocalMs(ts: ArrayLike<number>, tz: string): Float64Array {
  const z = zone(tz);
  const out = new Float64Array(ts.length);
  let day = Number.NaN;
  let e: DayEntry = { before: 0, after: 0, transition: Number.POSITIVE_INFINITY };
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i];
    const d = Math.floor(t / MS_PER_DAY);
    if (d !== day) {
      e = dayEntry(z, d);
      day = d;
    }
    out[i] = t + (t < e.transition ? e.before : e.after);
  }
  return out;
}
