import { daysFromCivil, daysInMonth, MS_PER_DAY, MS_PER_MINUTE } from './civil.js';
import { zonedToEpoch } from './tz-offset.js';

// Hand-rolled scanner: the CSV importer calls this once per row, so no regexes and no allocation.

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

function num2(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * Offset (ms, local − UTC) written in the text last given to scanTimestamp; NaN when it was naive (no
 * offset). A module-level scratch value so the per-row scanner allocates nothing.
 */
export const scanned = { offsetMs: Number.NaN, hasTime: false };

/**
 * Parses `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` or `YYYY-MM-DDTHH:MM[:SS][.sss]`, optionally followed
 * by `Z`, `±HH:MM`, `±HHMM` or `±HH` (one space before the offset is tolerated), into epoch ms.
 * Naive timestamps are wall-clock time in `tz`; returns NaN for anything else.
 */
export function parseTimestamp(text: string, tz: string): number {
  const wall = scanTimestamp(text);
  if (Number.isNaN(wall)) return wall;
  return Number.isNaN(scanned.offsetMs) ? zonedToEpoch(wall, tz) : wall - scanned.offsetMs;
}

/**
 * Scans a timestamp (formats as parseTimestamp) and returns its wall-clock time as written — the local
 * date and time in the timestamp's own offset, as epoch ms of that wall time read in UTC — or NaN.
 * `scanned.offsetMs` receives the written offset (NaN when naive), `scanned.hasTime` whether a time of
 * day was written. `Math.floor(wall / 86_400_000)` is the calendar date as written.
 */
export function scanTimestamp(text: string): number {
  scanned.offsetMs = Number.NaN;
  scanned.hasTime = false;
  let s = text;
  let end = s.length;
  if (end > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(end - 1) <= 32)) {
    s = s.trim();
    end = s.length;
  }
  if (end < 10) return Number.NaN;
  const y = num2(s, 0) * 100 + num2(s, 2);
  const mo = num2(s, 5);
  const d = num2(s, 8);
  if (num2(s, 0) < 0 || num2(s, 2) < 0 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return Number.NaN;
  let msOfDay = 0;
  let i = 10;
  if (i < end) {
    const sep = s.charCodeAt(i);
    if (sep !== 84 && sep !== 116 && sep !== 32) return Number.NaN; // 'T', 't', ' '
    const h = num2(s, i + 1);
    const mi = num2(s, i + 4);
    if (h < 0 || h > 23 || s.charCodeAt(i + 3) !== 58 || mi < 0 || mi > 59) return Number.NaN;
    msOfDay = h * 3_600_000 + mi * MS_PER_MINUTE;
    scanned.hasTime = true;
    i += 6;
    if (i < end && s.charCodeAt(i) === 58) {
      const sec = num2(s, i + 1);
      if (sec < 0 || sec > 59) return Number.NaN;
      msOfDay += sec * 1000;
      i += 3;
      if (i < end && s.charCodeAt(i) === 46) {
        i++;
        let scale = 100;
        const start = i;
        while (i < end && digit(s, i) >= 0) {
          msOfDay += digit(s, i) * scale;
          scale /= 10;
          i++;
        }
        if (i === start) return Number.NaN;
        msOfDay = Math.floor(msOfDay); // sub-millisecond digits are dropped
      }
    }
    if (i < end && s.charCodeAt(i) === 32) i++;
  }
  const wallMs = daysFromCivil(y, mo, d) * MS_PER_DAY + msOfDay;
  if (i === end) return wallMs;
  if (i <= 10) return Number.NaN; // an offset needs a time of day
  const c = s.charCodeAt(i);
  if ((c === 90 || c === 122) && i + 1 === end) {
    scanned.offsetMs = 0; // 'Z' / 'z'
    return wallMs;
  }
  if (c !== 43 && c !== 45) return Number.NaN;
  const sign = c === 43 ? 1 : -1;
  const oh = num2(s, i + 1);
  if (oh < 0 || oh > 23) return Number.NaN;
  i += 3;
  let om = 0;
  let os = 0;
  if (i < end) {
    if (s.charCodeAt(i) === 58) i++;
    om = num2(s, i);
    if (om < 0 || om > 59) return Number.NaN;
    i += 2;
    if (i < end && s.charCodeAt(i) === 58) {
      // ±HH:MM:SS appears for historic local-mean-time offsets that formatTs can emit.
      os = num2(s, i + 1);
      if (os < 0 || os > 59) return Number.NaN;
      i += 3;
    }
  }
  if (i !== end) return Number.NaN;
  scanned.offsetMs = sign * (oh * 3_600_000 + om * MS_PER_MINUTE + os * 1000);
  return wallMs;
}
