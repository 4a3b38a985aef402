import type { Issue } from './errors.js';

/** Result object for boundaries where input can be wrong. */
export type Result<T, I = Issue> = { ok: true; value: T } | { ok: false; issues: I[] };

/** Wraps a value as a successful result. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Wraps issues as a failed result. */
export function fail<I = Issue>(issues: I[]): { ok: false; issues: I[] } {
  return { ok: false, issues };
}
