import { type ParseArgsConfig, parseArgs } from 'node:util';
import { ConfigError } from '../core/index.js';
import { parseTimestamp } from '../data/index.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Parses flags strictly; an unknown flag or a missing value is a ConfigError (exit 3) naming it. */
export function parseFlags<O extends OptionSpec>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new ConfigError(`bad command-line arguments: ${msg}`, [
      { path: 'argv', message: msg, fix: `usage: ${usage}` },
    ]);
  }
}

/** Parses a number flag, naming the flag when it is not a number. */
export function numberFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value);
  if (!Number.isFinite(v)) {
    throw new ConfigError(`--${name} must be a number`, [
      { path: `--${name}`, value, message: 'not a number', fix: `pass e.g. --${name} 5` },
    ]);
  }
  return v;
}

/** Stdout writer for command results (the logger owns stderr). */
export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/**
 * Lets list flags take the reference's space-separated form (`--symbols RELIANCE TCS INFY`) as well as
 * `--symbols RELIANCE,TCS` or repeated flags: following non-flag tokens are folded into one comma list.
 */
export function foldListFlags(argv: string[], listFlags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const tok = argv[i];
    out.push(tok);
    if (listFlags.includes(tok.replace(/^--/, '')) && tok.startsWith('--')) {
      const vals: string[] = [];
      while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) vals.push(argv[++i]);
      out.push(vals.join(','));
    }
  }
  return out;
}

/** Splits a comma list flag value into trimmed, non-empty items. */
export function listValue(v: string | string[] | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  const items = (Array.isArray(v) ? v : [v])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  return items;
}

/**
 * Parses a YYYY-MM-DD flag as a session date in the exchange timezone: its local midnight (start), or
 * the instant before the next local midnight (end of day).
 */
export function dateFlag(
  name: string,
  value: string | undefined,
  tz: string,
  endOfDay = false,
): number | undefined {
  if (value === undefined) return undefined;
  const utc = Date.parse(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(utc) ||
    new Date(utc).toISOString().slice(0, 10) !== value
  ) {
    throw new ConfigError(`--${name} must be a date YYYY-MM-DD`, [
      { path: `--${name}`, value, message: 'not a date', fix: `e.g. --${name} 2024-01-01` },
    ]);
  }
  if (!endOfDay) return parseTimestamp(value, tz);
  const next = new Date(utc + 86_400_000).toISOString().slice(0, 10);
  return parseTimestamp(next, tz) - 1;
}
