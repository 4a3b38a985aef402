/** Named error classes. Only the CLI maps them to exit codes (see src/cli/exit-codes.ts). */

/** One thing wrong with an input: where it is, what is wrong, and how to fix it. */
export interface Issue {
  /** Key path (`teacher.horizon`), column name, or other locator. */
  path: string;
  message: string;
  value?: unknown;
  fix?: string;
  file?: string;
  line?: number;
}

/** Renders an issue as one human-readable line: `file:line path: message (got value) — fix`. */
export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.line !== undefined ? String(issue.line) : undefined]
    .filter((x) => x !== undefined)
    .join(':');
  const value = issue.value === undefined ? '' : ` (got ${JSON.stringify(issue.value)})`;
  const fix = issue.fix ? ` — fix: ${issue.fix}` : '';
  const path = issue.path ? `${issue.path}: ` : '';
  return `${where ? `${where} ` : ''}${path}${issue.message}${value}${fix}`;
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
