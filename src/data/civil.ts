/** Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), no Date objects. */

export const MS_PER_DAY = 86_400_000;
export const MS_PER_MINUTE = 60_000;

/** Days since 1970-01-01 of a civil date (month 1–12); Hinnant's algorithm, exact for all years. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// Scratch output of civilFromDays so hot loops (CSV writing) allocate nothing per call.
const civilOut = new Int32Array(3);

/** Civil date of a day number, written into a shared [year, month, day] scratch array (read it at once). */
export function civilFromDays(z: number): Int32Array {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  civilOut[0] = era * 400 + yoe + (m <= 2 ? 1 : 0);
  civilOut[1] = m;
  civilOut[2] = d;
  return civilOut;
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Day of week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDays(z: number): number {
  return (((z + 4) % 7) + 7) % 7;
}

/** Two-digit zero padding. */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `YYYY-MM-DD` of a day number. */
export function isoDateOfDays(z: number): string {
  const c = civilFromDays(z);
  const y = c[0];
  const ys = y >= 0 && y < 10000 ? String(y).padStart(4, '0') : String(y);
  return `${ys}-${pad2(c[1])}-${pad2(c[2])}`;
}
