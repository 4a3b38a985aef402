import { civilFromDays, MS_PER_DAY } from '../data/index.js';

// JSON values as bytes, written straight into a Uint8Array at a position (returning the next one):
// whole numbers, ISO times, and the tables and constants LineBuffer's number writer uses. No allocation.
const DIGITS = new Uint8Array(32);
export const POW10 = Float64Array.from({ length: 16 }, (_, i) => 10 ** i);
export const ZERO = 0x30;
/** Largest whole number the int32 digit path takes (its divisions by 10 stay in integer registers). */
export const INT_MAX = 0x7fffffff;

/** ASCII bytes of a constant string (field names, enum values), encoded once. */
export function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0x7f);
}

/** UTF-8 bytes of a string that may hold any character (a symbol, a model version), encoded once. */
export function utf8(text: string): Uint8Array {
  const b = Buffer.from(text, 'utf8');
  return new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
}

/**
 * Writes the decimal digits of a whole number 0 ≤ n ≤ INT_MAX at u8[pos…], left-padded with zeros to
 * `width`, and returns the position after them. Digits go straight to their place, right to left.
 */
export function writeInt32(u8: Uint8Array, pos: number, n: number, width: number): number {
  if (n < 10 && width <= 1) {
    u8[pos] = ZERO + n;
    return pos + 1;
  }
  let len = 1;
  for (let m = n; m >= 10; m = (m / 10) | 0) len++;
  if (len < width) len = width;
  const end = pos + len;
  let p = end;
  let v = n | 0;
  while (p > pos) {
    const q = (v / 10) | 0;
    u8[--p] = ZERO + v - q * 10;
    v = q;
  }
  return end;
}

/** Fractions rendered ahead for up to this many decimals (the telemetry's 4 and 2). */
export const TABLED_DECIMALS = 4;
/**
 * FRACTIONS[d][8f … 8f + 7]: the length, then the bytes of `.` and the d-digit fraction f without its
 * trailing zeros (d = 4, f = 1200 → 3, `.12`); 1 + 10 + … + 10^4 entries of 8 bytes, built once.
 */
export const FRACTIONS = Array.from({ length: TABLED_DECIMALS + 1 }, (_, d) => {
  const t = new Uint8Array(8 * 10 ** d);
  for (let f = 1; f < 10 ** d; f++) {
    const text = `.${String(f).padStart(d, '0')}`.replace(/0+$/, '');
    t[8 * f] = text.length;
    for (let k = 0; k < text.length; k++) t[8 * f + 1 + k] = text.charCodeAt(k);
  }
  return t;
});

/** writeInt32 for any whole number below 2^53 (doubles throughout). */
export function writeWhole(u8: Uint8Array, pos: number, n: number, width: number): number {
  if (n <= INT_MAX) return writeInt32(u8, pos, n, width);
  let k = 0;
  do {
    const q = Math.floor(n / 10);
    DIGITS[k++] = ZERO + (n - q * 10);
    n = q;
  } while (n > 0);
  while (k < width) DIGITS[k++] = ZERO;
  let p = pos;
  while (k > 0) u8[p++] = DIGITS[--k];
  return p;
}

/**
 * Writes src[i] (epoch ms) as a quoted ISO-8601 UTC time with milliseconds, like
 * JSON.stringify(new Date(ms).toISOString()) (years 0–9999; 26 bytes), at u8[pos…]; returns the end.
 * The civil date comes from the data calendar's civilFromDays (a shared scratch array): no allocation.
 */
export function writeIsoTime(u8: Uint8Array, pos: number, src: Float64Array, i: number): number {
  const ms = src[i];
  const days = Math.floor(ms / MS_PER_DAY);
  let rest = ms - days * MS_PER_DAY;
  const civil = civilFromDays(days);
  const y = civil[0];
  const m = civil[1];
  const d = civil[2];
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const s = Math.floor(rest / 1000);
  const milli = Math.round(rest - s * 1000);
  let p = pos;
  u8[p++] = 0x22;
  p = writeWhole(u8, p, y, 4);
  u8[p++] = 0x2d;
  p = writeInt32(u8, p, m, 2);
  u8[p++] = 0x2d;
  p = writeInt32(u8, p, d, 2);
  u8[p++] = 0x54;
  p = writeInt32(u8, p, h, 2);
  u8[p++] = 0x3a;
  p = writeInt32(u8, p, mi, 2);
  u8[p++] = 0x3a;
  p = writeInt32(u8, p, s, 2);
  u8[p++] = 0x2e;
  p = writeInt32(u8, p, milli, 3);
  u8[p++] = 0x5a;
  u8[p++] = 0x22;
  return p;
}
