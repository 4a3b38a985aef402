import { parseArgs } from 'node:util';
import { ConfigError } from '../core/index.js';
import { closest } from './closest-name.js';
import type { FlagSpec, FlagTable, ParsedFlags } from './flag-spec.js';

const HELP = new Set(['help', 'h']);

/** Stable codes of flag problems (`flag.<reason>`). */
function codeFor(message: string): string {
  if (message.startsWith('unknown flag')) return 'flag.unknown';
  if (message.startsWith('needs a value')) return 'flag.missing_value';
  if (message.startsWith('is a switch')) return 'flag.unexpected_value';
  if (message.startsWith('given more than once')) return 'flag.repeated';
  return 'flag.invalid';
}

function flagError(flag: string, message: string, fix: string, value?: unknown): ConfigError {
  return new ConfigError(`${flag}: ${message}`, [
    { code: codeFor(message), path: flag, message, value, fix },
  ]);
}

/** Lets a list flag take the reference's space-separated form: following non-flag tokens join its value. */
function foldLists(argv: readonly string[], table: FlagTable): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const tok = argv[i];
    out.push(tok);
    if (tok.startsWith('--') && table[tok.slice(2)]?.type === 'list') {
      const vals: string[] = [];
      while (i + 1 < argv.length && !argv[i + 1].startsWith('-')) vals.push(argv[++i]);
      if (vals.length > 0) out.push(vals.join(','));
    }
  }
  return out;
}

/** True when `s` is a real calendar date YYYY-MM-DD (2023-02-30 is not). */
export function isIsoDate(s: string): boolean {
  const t = Date.parse(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

function convert(name: string, spec: FlagSpec, raw: string[]): unknown {
  const flag = `--${name}`;
  if (spec.type === 'list') {
    const items = raw.flatMap((s) => s.split(',')).map((s) => s.trim());
    if (items.some((s) => s === ''))
      throw flagError(flag, 'has an empty item', `e.g. ${flag} A B or ${flag} A,B`, raw.join(','));
    return items;
  }
  const v = raw[raw.length - 1];
  if (raw.length > 1) throw flagError(flag, 'given more than once', `pass ${flag} once`, raw);
  if (spec.type === 'number') {
    const n = v.trim() === '' ? Number.NaN : Number(v);
    if (!Number.isFinite(n)) throw flagError(flag, 'must be a number', `e.g. ${flag} 5`, v);
    return n;
  }
  if (spec.type === 'bool') {
    if (v !== 'true' && v !== 'false') throw flagError(flag, 'must be true or false', `${flag} false`, v);
    return v === 'true';
  }
  if (spec.type === 'date' && !isIsoDate(v))
    throw flagError(flag, 'must be a date YYYY-MM-DD', `e.g. ${flag} 2024-01-01`, v);
  if (spec.choices && !spec.choices.includes(v))
    throw flagError(flag, `must be one of ${spec.choices.join(', ')}`, `e.g. ${flag} ${spec.choices[0]}`, v);
  return v;
}

/**
 * Parses argv against a flag table. Every problem is a ConfigError naming the flag: unknown flag (with a
 * suggestion), missing value, a value that is not a number / date / allowed choice, a switch given a value.
 * `--help` / `-h` anywhere wins over every other problem.
 */
export function parseCommandFlags(
  argv: readonly string[],
  table: FlagTable,
  opts: { command: string; maxPositionals: number },
): ParsedFlags {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, spec] of Object.entries(table))
    options[name] = { type: spec.type === 'boolean' ? 'boolean' : 'string' };
  const { tokens } = parseArgs({
    args: foldLists(argv, table),
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  if (tokens.some((t) => t.kind === 'option' && HELP.has(t.name)))
    return { values: {}, positionals: [], help: true };
  const see = `see sensequant ${opts.command} --help`;
  const raw = new Map<string, string[]>();
  const switches = new Set<string>();
  const positionals: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'positional') {
      positionals.push(t.value);
      continue;
    }
    if (t.kind !== 'option') continue;
    const spec = table[t.name];
    if (!spec) {
      const guess = closest(t.name, Object.keys(table));
      throw flagError(
        t.rawName,
        `unknown flag for ${opts.command}`,
        guess ? `did you mean --${guess}? ${see}` : see,
      );
    }
    if (spec.type === 'boolean') {
      if (t.value !== undefined)
        throw flagError(t.rawName, 'is a switch and takes no value', `write ${t.rawName} alone`, t.value);
      switches.add(t.name);
      continue;
    }
    // A value that is itself a --flag means the value was forgotten (`--output-dir --validate`).
    if (t.value === undefined || (!t.inlineValue && t.value.startsWith('--')))
      throw flagError(t.rawName, `needs a value${spec.value ? ` (${spec.value})` : ''}`, see);
    raw.set(t.name, [...(raw.get(t.name) ?? []), t.value]);
  }
  if (positionals.length > opts.maxPositionals) {
    const extra = positionals[opts.maxPositionals];
    throw new ConfigError(`unexpected argument "${extra}"`, [
      {
        code: 'flag.extra_argument',
        path: 'argv',
        value: extra,
        message: `${opts.command} takes ${opts.maxPositionals || 'no'} positional argument(s)`,
        fix: see,
      },
    ]);
  }
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(table)) {
    if (spec.type === 'boolean') values[name] = switches.has(name);
    else {
      const r = raw.get(name);
      values[name] = r === undefined ? undefined : convert(name, spec, r);
    }
  }
  return { values, positionals, help: false };
}
