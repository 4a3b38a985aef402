/** Named error classes. Only the CLI maps them to exit codes (see src/cli/exit-codes.ts). */

/** One thing wrong with an input: where it is, what is wrong, and how to fix it. */
export interface Issue {
  /** Key path (`teacher.horizon`), column name, or other locator. */
  path: string;
  message: string;
  value?: unknown;
  /** The value exactly as written in the source file (e.g. `.inf`), shown instead of `value`. */
  written?: string;
  fix?: string;
  file?: string;
  line?: number;
}

/** Most characters of a bad value a message echoes (a 5 MB cell must not flood the terminal). */
export const MAX_ECHO_CHARS = 200;

/** Shortens `text` to at most `max` characters, marking the cut with the number of characters left out. */
export function clip(text: string, max = MAX_ECHO_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/** A value as a message shows it: JSON, except non-finite numbers (JSON would print `null`). */
export function renderValue(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return String(value);
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_k, v) =>
      typeof v === 'number' && !Number.isFinite(v) ? String(v) : typeof v === 'bigint' ? String(v) : v,
    );
  } catch {
    text = undefined; // cyclic: fall back to String()
  }
  return clip(text ?? String(value));
}

/** Renders an issue as one human-readable line: `file:line path: message (got value) — fix`. */
export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.line !== undefined ? String(issue.line) : undefined]
    .filter((x) => x !== undefined)
    .join(':');
  const shown =
    issue.written !== undefined
      ? clip(issue.written)
      : issue.value === undefined
        ? undefined
        : renderValue(issue.value);
  const value = shown === undefined ? '' : ` (got ${shown})`;
  const fix = issue.fix ? ` — fix: ${issue.fix}` : '';
  const path = issue.path && issue.path !== issue.file ? `${clip(issue.path)}: ` : '';
  return `${where ? `${where} ` : ''}${path}${clip(issue.message, 4 * MAX_ECHO_CHARS)}${value}${fix}`;
}

/** Base class of every expected (non-bug) error of the project. */
export class SenseQuantError extends Error {
  readonly issues: Issue[];
  constructor(message: string, issues: Issue[] = []) {
    super(
      issues.length > 0 ? `${message}\n${issues.map((i) => `  - ${formatIssue(i)}`).join('\n')}` : message,
    );
    this.name = new.target.name;
    this.issues = issues;
  }
}

/** params.yaml, flags or environment settings are invalid (exit code 3). */
export class ConfigError extends SenseQuantError {}

/** Input data (CSV, bars) is malformed (exit code 1). */
export class DataValidationError extends SenseQuantError {}

/** An artifact is missing, corrupt, fails its schema or its checksum (exit code 1). */
export class ArtifactError extends SenseQuantError {}

/** A candidate failed validation / promotion criteria (exit code 2). */
export class ValidationRejectedError extends SenseQuantError {}

/** Registry operation failed (lock held, missing version, ...) (exit code 1). */
export class RegistryError extends SenseQuantError {}

/** A notebook failed to execute or its HTML report is not self-contained (exit code 1). */
export class ReportError extends SenseQuantError {}
