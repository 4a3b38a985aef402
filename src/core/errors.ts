/** Named error classes. Only the CLI maps them to exit codes (see src/cli/exit-codes.ts). */

/** One thing wrong with an input: where it is, what is wrong, and how to fix it. */
export interface Issue {
  /**
   * Stable machine code, `domain.reason` (`params.invalid_type`, `params.rule.splits-leave-training-data`,
   * `flag.unknown`, `csv.bad_value`, `artifact.checksum`, `registry.check.model-loads`…). Tests and tools
   * match codes, never message text. Issues created without one get their error class's default code.
   */
  code?: string;
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

/** An Issue whose `code` is set. */
export type CodedIssue = Issue & { code: string };

/** Base class of every expected (non-bug) error of the project; every issue it carries has a code. */
export class SenseQuantError extends Error {
  /** Code given to issues raised without one (each subclass names its domain). */
  static readonly defaultCode: string = 'error';
  readonly issues: CodedIssue[];
  constructor(message: string, issues: Issue[] = []) {
    super(
      issues.length > 0 ? `${message}\n${issues.map((i) => `  - ${formatIssue(i)}`).join('\n')}` : message,
    );
    this.name = new.target.name;
    const fallback = (new.target as unknown as typeof SenseQuantError).defaultCode;
    this.issues = issues.map((i) => (i.code ? (i as CodedIssue) : { ...i, code: fallback }));
  }

  /** Codes of the issues, in order (what tests and tools match). */
  get codes(): string[] {
    return this.issues.map((i) => i.code);
  }
}

/** params.yaml, flags or environment settings are invalid (exit code 3). */
export class ConfigError extends SenseQuantError {
  static override readonly defaultCode: string = 'config.invalid';
}

/** Input data (CSV, bars) is malformed (exit code 1). */
export class DataValidationError extends SenseQuantError {
  static override readonly defaultCode: string = 'data.invalid';
}

/** An artifact is missing, corrupt, fails its schema or its checksum (exit code 1). */
export class ArtifactError extends SenseQuantError {
  static override readonly defaultCode: string = 'artifact.invalid';
}

/** A candidate failed validation / promotion criteria (exit code 2). */
export class ValidationRejectedError extends SenseQuantError {
  static override readonly defaultCode: string = 'validation.rejected';
}

/** Registry operation failed (lock held, missing version, ...) (exit code 1). */
export class RegistryError extends SenseQuantError {
  static override readonly defaultCode: string = 'registry.failed';
}

/** A notebook failed to execute or its HTML report is not self-contained (exit code 1). */
export class ReportError extends SenseQuantError {
  static override readonly defaultCode: string = 'report.failed';
}
