import { type Document, isScalar, LineCounter } from 'yaml';
import type { z } from 'zod';
import { ConfigError, type Issue } from '../core/index.js';
import { configHash, READ_LIMITS, readTextBounded } from '../pipeline/index.js';
import { type Params, paramsSchema } from './params-schema.js';
import { parseParamsYaml } from './parse-params-yaml.js';
import { RULES } from './rules.js';

/** Validated, normalised params plus their hash. */
export interface LoadedParams {
  params: Params;
  configHash: string;
  file: string;
}

/** Deep-merges `patch` into `base` (plain objects merge, everything else replaces). */
export function mergeOverrides(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = mergeOverrides(base[k], v);
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Parses → normalises → checks rules. Returns issues naming the key path, the value and the fix.
 * @example validateParams({ teacher: { horizon: 5 } })
 */
export function validateParams(raw: unknown): { ok: true; value: Params } | { ok: false; issues: Issue[] } {
  const parsed = paramsSchema.safeParse(raw ?? {});
  if (!parsed.success)
    return { ok: false, issues: parsed.error.issues.flatMap((i) => zodIssueToIssues(i, raw)) };
  const params = normalise(parsed.data);
  const issues = RULES.flatMap((r) =>
    r
      .check(params)
      .map((i) => ({ ...i, code: `params.rule.${r.name}`, message: `${i.message} [rule ${r.name}]` })),
  );
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: params };
}

/** Normalisation: upper-case and de-duplicate symbols, resolve defaults that depend on other keys. */
function normalise(p: Params): Params {
  const syms = (xs: string[]) => [...new Set(xs.map((s) => s.trim().toUpperCase()))];
  return {
    ...p,
    data: { ...p.data, symbols: syms(p.data.symbols) },
    split: { ...p.split, embargo_bars: p.split.embargo_bars ?? p.teacher.horizon },
    validation: { ...p.validation, symbols: syms(p.validation.symbols) },
  };
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let cur = raw;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k as string];
  }
  return cur;
}

function zodIssueToIssues(issue: z.core.$ZodIssue, raw: unknown): Issue[] {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      code: 'params.unknown_key',
      path: path ? `${path}.${key}` : key,
      message: 'unknown key',
      fix: `remove it or use one of the keys allowed under ${path || 'the top level'} (see params.schema.json)`,
    }));
  }
  return [
    {
      code: `params.${issue.code}`,
      path,
      message: issue.message,
      value: valueAt(raw, issue.path),
      fix: fixFor(issue),
    },
  ];
}

function fixFor(issue: z.core.$ZodIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_value':
      return `use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `use a value ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}`;
    case 'too_big':
      return `use a value ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}`;
    case 'invalid_type':
      return issue.expected === 'number' && /Infinity|NaN/.test(issue.message)
        ? 'write a finite number (.inf and .nan are not allowed here)'
        : `write a ${issue.expected}`;
    case 'invalid_format':
      return issue.format === 'regex' && issue.pattern?.includes('\\d{4}-')
        ? 'write a real date as YYYY-MM-DD, e.g. "2024-06-03"'
        : undefined;
    case 'custom':
      return (issue.params as { fix?: string } | undefined)?.fix;
    default:
      return undefined;
  }
}

const FIX_FILE = 'run from the repository root or pass --params <params.yaml>';

/** The flag that set `path` (or a key above it), when the value came from the command line. */
function flagFor(path: string, flags: Readonly<Record<string, string>>): string | undefined {
  for (const [key, flag] of Object.entries(flags))
    if (path === key || path.startsWith(`${key}.`)) return flag;
  return undefined;
}

/** Adds file, line and the value as written to an issue about a key the file itself sets. */
function locate(
  i: Issue,
  doc: Document,
  text: string,
  lines: LineCounter,
  file: string,
  overrides: unknown,
): Issue {
  const path = i.path.split('.');
  // A value a flag overrode is not the file's: pointing at the file's line would mislead.
  if (i.path === '' || valueAt(overrides, path) !== undefined) return i;
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  if (!node?.range) return { ...i, file };
  const written = isScalar(node) ? text.slice(node.range[0], node.range[1]) : undefined;
  return { ...i, file, line: lines.linePos(node.range[0]).line, ...(written ? { written } : {}) };
}

/**
 * Reads params.yaml (plus optional overrides), validates it, and stamps the config hash. Throws
 * ConfigError (exit 3) naming the file, key, line and fix: for a missing file, a directory or special file,
 * a file over READ_LIMITS.params, invalid or empty YAML, an alias bomb, and every schema or rule issue.
 * `flags` maps an overridden key to the command-line flag that set it (`student.model_type` →
 * `--model-type`): an invalid value there is reported against the flag, not a params.yaml line.
 */
export function loadParams(
  file = 'params.yaml',
  overrides?: unknown,
  flags: Readonly<Record<string, string>> = {},
): LoadedParams {
  const text = readTextBounded(file, {
    maxBytes: READ_LIMITS.params,
    what: 'params file',
    error: ConfigError,
    fix: FIX_FILE,
  });
  const lines = new LineCounter();
  const { doc, raw: fromFile } = parseParamsYaml(text, file, lines);
  const raw = mergeOverrides(fromFile, overrides);
  const res = validateParams(raw);
  if (!res.ok) {
    const located = res.issues.map((i) => {
      const flag = flagFor(i.path, flags);
      if (flag)
        return {
          ...i,
          code: `flag.${i.code ?? 'invalid'}`,
          path: flag,
          message: `${i.message} (${flag} sets ${i.path})`,
        };
      return locate(i, doc, text, lines, file, overrides);
    });
    const byFlag = [...new Set(located.filter((i) => i.path.startsWith('--')).map((i) => i.path))];
    const what =
      byFlag.length === located.length ? `invalid ${byFlag.join(', ')}` : `invalid configuration in ${file}`;
    throw new ConfigError(what, located);
  }
  return { params: res.value, configHash: configHash(res.value), file };
}
