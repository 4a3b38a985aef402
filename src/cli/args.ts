import { parseTimestamp } from '../data/index.js';

/** Stdout writer for command results (the logger owns stderr). */
export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/**
 * A YYYY-MM-DD flag (already checked by the flag parser) as a session date in the exchange timezone:
 * its local midnight (start), or the instant before the next local midnight (end of day).
 */
export function dateFlag(value: string | undefined, tz: string, endOfDay = false): number | undefined {
  if (value === undefined) return undefined;
  if (!endOfDay) return parseTimestamp(value, tz);
  const next = new Date(Date.parse(`${value}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return parseTimestamp(next, tz) - 1;
}
