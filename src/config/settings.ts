import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, fail, type Issue, ok, type Result, setLogLevel } from '../core/index.js';

const TRUE = ['true', '1', 'yes', 'on'];
const BOOL_WORDS = [...TRUE, 'false', '0', 'no', 'off'];

/** A boolean variable: true/false, 1/0, yes/no, on/off (any case). */
const boolWord = () =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => BOOL_WORDS.includes(v), 'expected true or false')
    .transform((v) => TRUE.includes(v));

function bool(def: boolean, description: string) {
  return boolWord().default(def).describe(description);
}

function optionalBool(description: string) {
  return boolWord().optional().describe(description);
}

/** A probability in [0, 1], optional. */
function unit(description: string) {
  return z.coerce.number().min(0).max(1).optional().describe(description);
}

/** A promotion uplift (fraction), optional: unset leaves params.yaml's threshold. */
function uplift(description: string) {
  return z.coerce.number().min(-1).max(10).optional().describe(description);
}

/** A drop threshold in (0, 1] with a default. */
function drop(def: number, description: string) {
  return z.coerce.number().gt(0).max(1).default(def).describe(description);
}

/** A positive number of hours (bar time) with a default. */
function hours(def: number, description: string) {
  return z.coerce.number().min(0).max(1_000_000).default(def).describe(description);
}

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
  SENSEQUANT_STUDENT_MODEL_ENABLED: bool(
    false,
    'Master switch for live scoring: the engine loads the student and adjusts the baseline signals with it.',
  ),
  SENSEQUANT_STUDENT_MODEL_PATH: z
    .string()
    .trim()
    .min(1)
    .max(4096)
    .optional()
    .describe(
      'Student model directory the engine loads (default: the registry production model, data/models/production).',
    ),
  SENSEQUANT_STUDENT_MODEL_VERSION: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'a registry version: [A-Za-z0-9._-], 1-128 chars')
    .optional()
    .describe(
      'Version tag: without a path, pins the registry version archive/<version>; with a path, labels the model in telemetry.',
    ),
  SENSEQUANT_STUDENT_MODEL_CONFIDENCE_THRESHOLD: unit(
    'Minimum top-class probability for the student to count (default: params.yaml strategy.confidence_threshold).',
  ),
  SENSEQUANT_PROMOTION_MIN_PRECISION_UPLIFT: uplift(
    'Promotion: minimum precision (LONG) uplift over the baseline.',
  ),
  SENSEQUANT_PROMOTION_MIN_HIT_RATIO_UPLIFT: uplift('Promotion: minimum hit-ratio uplift over the baseline.'),
  SENSEQUANT_PROMOTION_MIN_SHARPE_UPLIFT: uplift(
    'Promotion: minimum relative Sharpe uplift over the baseline.',
  ),
  SENSEQUANT_PROMOTION_REQUIRE_ALL_CRITERIA: optionalBool(
    'Promotion: every criterion must pass (true) or only the core ones (false).',
  ),
  SENSEQUANT_STUDENT_MONITORING_ENABLED: bool(
    true,
    'Track the live student: realised outcomes, rolling precision and hit ratio against validation, alerts.',
  ),
  SENSEQUANT_STUDENT_MONITORING_WINDOW_HOURS: hours(
    336,
    'Rolling window of the live metrics, in hours of bar time.',
  ),
  SENSEQUANT_STUDENT_MONITORING_MIN_SAMPLES: z.coerce
    .number()
    .int('a whole number')
    .min(1)
    .max(10_000_000)
    .default(50)
    .describe(
      'Resolved predictions (precision) or bars in the market (hit ratio) a metric needs in the window.',
    ),
  SENSEQUANT_STUDENT_MONITORING_PRECISION_DROP_THRESHOLD: drop(
    0.1,
    'Alert when rolling precision (LONG) is more than this below validation (absolute, 0.10 = 10 points).',
  ),
  SENSEQUANT_STUDENT_MONITORING_HIT_RATIO_DROP_THRESHOLD: drop(
    0.1,
    'Alert when the rolling hit ratio is more than this below validation (absolute).',
  ),
  SENSEQUANT_STUDENT_MONITORING_ALERT_COOLDOWN_HOURS: hours(
    24,
    'At most one degradation alert per this many hours of bar time.',
  ),
  SENSEQUANT_STUDENT_AUTO_ROLLBACK_ENABLED: bool(
    false,
    'Roll the registry back to the previous version when degradation persists through the confirmation period.',
  ),
  SENSEQUANT_STUDENT_AUTO_ROLLBACK_CONFIRMATION_HOURS: hours(
    48,
    'Hours of bar time a degradation must persist, from its first alert, before the automatic rollback.',
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
  /** The live engine's student model (reference FR-1). */
  studentModel: StudentModelSettings;
  /** Promotion thresholds from the environment; each unset one leaves params.yaml's value. */
  promotion: PromotionSettings;
  /** Live monitoring of the student and automatic rollback (reference phase 3). */
  studentMonitoring: StudentMonitoringSettings;
}

/** SENSEQUANT_STUDENT_MODEL_*. */
export interface StudentModelSettings {
  enabled: boolean;
  /** Model directory; undefined = the registry's production model (or archive/<version> when pinned). */
  path: string | undefined;
  version: string | undefined;
  /** undefined = params.yaml strategy.confidence_threshold. */
  confidenceThreshold: number | undefined;
}

/** SENSEQUANT_PROMOTION_*, in params.yaml's validation.thresholds names. */
export interface PromotionSettings {
  min_precision_uplift?: number;
  min_hit_ratio_uplift?: number;
  min_sharpe_uplift?: number;
  require_all_criteria?: boolean;
}

/** SENSEQUANT_STUDENT_MONITORING_* and SENSEQUANT_STUDENT_AUTO_ROLLBACK_*. */
export interface StudentMonitoringSettings {
  enabled: boolean;
  windowHours: number;
  minSamples: number;
  precisionDropThreshold: number;
  hitRatioDropThreshold: number;
  alertCooldownHours: number;
  autoRollbackEnabled: boolean;
  autoRollbackConfirmationHours: number;
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
        code: 'env.dotenv_syntax',
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
        code: 'env.invalid',
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
    studentModel: {
      enabled: s.SENSEQUANT_STUDENT_MODEL_ENABLED,
      path: s.SENSEQUANT_STUDENT_MODEL_PATH,
      version: s.SENSEQUANT_STUDENT_MODEL_VERSION,
      confidenceThreshold: s.SENSEQUANT_STUDENT_MODEL_CONFIDENCE_THRESHOLD,
    },
    promotion: definedOnly({
      min_precision_uplift: s.SENSEQUANT_PROMOTION_MIN_PRECISION_UPLIFT,
      min_hit_ratio_uplift: s.SENSEQUANT_PROMOTION_MIN_HIT_RATIO_UPLIFT,
      min_sharpe_uplift: s.SENSEQUANT_PROMOTION_MIN_SHARPE_UPLIFT,
      require_all_criteria: s.SENSEQUANT_PROMOTION_REQUIRE_ALL_CRITERIA,
    }),
    studentMonitoring: {
      enabled: s.SENSEQUANT_STUDENT_MONITORING_ENABLED,
      windowHours: s.SENSEQUANT_STUDENT_MONITORING_WINDOW_HOURS,
      minSamples: s.SENSEQUANT_STUDENT_MONITORING_MIN_SAMPLES,
      precisionDropThreshold: s.SENSEQUANT_STUDENT_MONITORING_PRECISION_DROP_THRESHOLD,
      hitRatioDropThreshold: s.SENSEQUANT_STUDENT_MONITORING_HIT_RATIO_DROP_THRESHOLD,
      alertCooldownHours: s.SENSEQUANT_STUDENT_MONITORING_ALERT_COOLDOWN_HOURS,
      autoRollbackEnabled: s.SENSEQUANT_STUDENT_AUTO_ROLLBACK_ENABLED,
      autoRollbackConfirmationHours: s.SENSEQUANT_STUDENT_AUTO_ROLLBACK_CONFIRMATION_HOURS,
    },
  });
}

function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
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
