import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, fail, type Issue, ok, type Result, setLogLevel } from '../core/index.js';

/**
 * Process settings from the environment — the only module that reads `process.env`. Variables carry the
 * `SENSEQUANT_` prefix (plus the reproducible-builds convention `SOURCE_DATE_EPOCH`); a `.env` file in the
 * working directory supplies defaults that the real environment overrides. Validated with zod like params.
 */
export const settingsSchema = z.object({
  SENSEQUANT_LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'])
    .default('info')
    .describe('Logger level (JSON lines on stderr when it is not a TTY).'),
  SENSEQUANT_TF_BACKEND: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .describe(
      'Force one TensorFlow.js backend (tfjs-node-gpu | tfjs-node | wasm | cpu); default: the first that loads.',
    ),
  SENSEQUANT_ACTOR: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Who registry actions are recorded as (default user@host).'),
  SENSEQUANT_REGISTRY_HMAC_KEY: z
    .string()
    .min(16, 'use at least 16 characters')
    .max(1024)
    .optional()
    .describe(
      'Secret that signs registry manifests (HMAC-SHA256); when set, every version must verify against it.',
    ),
  SENSEQUANT_PROJECT_DIR: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe(
      'Project directory notebooks read params.yaml and artifacts from (default: the nearest directory above the working directory with a params.yaml; the report stage sets it).',
    ),
  SOURCE_DATE_EPOCH: z
    .string()
    .regex(/^\d{1,12}$/, 'whole seconds since 1970-01-01')
    .optional()
    .describe('Timestamp stamped into artifacts instead of the data as-of time (reproducible builds).'),
});

/** Validated settings in code-friendly names. */
export interface Settings {
  logLevel: z.infer<typeof settingsSchema>['SENSEQUANT_LOG_LEVEL'];
  tfBackend: string | undefined;
  actor: string | undefined;
  registryHmacKey: string | undefined;
  /** Project directory of notebooks and reports (SENSEQUANT_PROJECT_DIR), or undefined. */
  projectDir: string | undefined;
  /** SOURCE_DATE_EPOCH in milliseconds, or undefined. */
  sourceDateEpochMs: number | undefined;
}

const MAX_DOTENV_BYTES = 64 * 1024;
const KEYS = Object.keys(settingsSchema.shape);

/** Parses `.env` text: KEY=VALUE lines, `#` comments, optional `export ` and matching quotes. */
export function parseDotenv(text: string, file = '.env'): Result<Record<string, string>> {
  const out: Record<string, string> = {};
  const issues: Issue[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) {
      issues.push({
        file,
        line: i + 1,
        path: line.slice(0, 40),
        message: 'not a KEY=VALUE line',
        fix: 'write NAME=value',
      });
      return;
    }
    let v = m[2];
    const q = v[0];
    if ((q === '"' || q === "'") && v.endsWith(q) && v.length >= 2) v = v.slice(1, -1);
    else v = v.replace(/\s+#.*$/, '');
    out[m[1]] = v;
  });
  return issues.length > 0 ? fail(issues) : ok(out);
}

function readDotenv(path: string): Record<string, string> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return {};
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return {};
    if (st.size > MAX_DOTENV_BYTES) {
      throw new ConfigError(`${path} is too large`, [
        {
          file: path,
          path,
          value: st.size,
          message: `over ${MAX_DOTENV_BYTES} bytes`,
          fix: 'keep only settings in .env',
        },
      ]);
    }
    const buf = Buffer.alloc(st.size);
    readSync(fd, buf, 0, st.size, 0);
    const parsed = parseDotenv(buf.toString('utf8'), path);
    if (!parsed.ok) throw new ConfigError(`invalid ${path}`, parsed.issues);
    return parsed.value;
  } finally {
    closeSync(fd);
  }
}

/** Validates raw settings (environment over `.env`); every bad variable is an Issue naming it and the fix. */
export function parseSettings(env: Record<string, string | undefined>): Result<Settings> {
  const raw: Record<string, string> = {};
  for (const k of KEYS) {
    const v = env[k];
    if (v !== undefined && v !== '') raw[k] = v;
  }
  const r = settingsSchema.safeParse(raw);
  if (!r.success) {
    return fail(
      r.error.issues.map((i) => ({
        path: String(i.path[0] ?? ''),
        value: String(i.path[0]).includes('KEY')
          ? '(secret)'
          : String(raw[String(i.path[0])] ?? '').slice(0, 200),
        message: i.message,
        fix: `set ${String(i.path[0])} to a valid value or unset it (${settingsSchema.shape[i.path[0] as keyof typeof settingsSchema.shape]?.description ?? ''})`,
      })),
    );
  }
  const s = r.data;
  return ok({
    logLevel: s.SENSEQUANT_LOG_LEVEL,
    tfBackend: s.SENSEQUANT_TF_BACKEND || undefined,
    actor: s.SENSEQUANT_ACTOR,
    registryHmacKey: s.SENSEQUANT_REGISTRY_HMAC_KEY,
    projectDir: s.SENSEQUANT_PROJECT_DIR,
    sourceDateEpochMs: s.SOURCE_DATE_EPOCH === undefined ? undefined : Number(s.SOURCE_DATE_EPOCH) * 1000,
  });
}

let dotenvCache: { cwd: string; values: Record<string, string> } | null = null;

/**
 * Current settings: the process environment over `./.env` (read once per working directory). Throws
 * ConfigError (exit 3) naming the variable when one is invalid.
 */
export function settings(): Settings {
  const cwd = process.cwd();
  if (dotenvCache?.cwd !== cwd) dotenvCache = { cwd, values: readDotenv(`${cwd}/.env`) };
  const r = parseSettings({ ...dotenvCache.values, ...process.env });
  if (!r.ok) throw new ConfigError('invalid environment settings', r.issues);
  return r.value;
}

/**
 * The environment for a child process: this process's environment with `extra` on top (e.g. the settings
 * a notebook kernel needs). Lives here because this is the one module that reads `process.env`.
 */
export function childEnv(extra: Record<string, string>): Record<string, string | undefined> {
  return { ...process.env, ...extra };
}

/** Applies the settings that configure shared infrastructure (the log level); entry points call it first. */
export function applySettings(s: Settings = settings()): Settings {
  setLogLevel(s.logLevel);
  return s;
}
