import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect } from 'vitest';

/** The compiled CLI (`npm test` builds before it runs the tests). */
export const CLI = resolve('dist/src/cli/main.js');

/** Whether the tests run as root, where permission bits do not apply (children then run as nobody). */
export const isRoot = process.getuid?.() === 0;

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node dist/src/cli/main.js …` in `cwd` with logging on. `unprivileged` runs it as nobody when the
 * tests run as root, so that permission bits bite.
 */
export function runCli(
  args: string[],
  opts: { cwd: string; unprivileged?: boolean; nodeArgs?: string[]; timeoutMs?: number },
): CliRun {
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), CLI, ...args], {
    cwd: opts.cwd,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 120_000,
    env: { ...process.env, SENSEQUANT_LOG_LEVEL: 'info', TZ: 'UTC' },
    ...(opts.unprivileged && isRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Asserts a clean failure: the exit code, the message on stderr, and no stack trace or "bug" report. */
export function expectCleanFailure(r: CliRun, code: number, ...messages: (string | RegExp)[]): void {
  const context = r.stderr.slice(0, 2000);
  expect(r.signal, context).toBeNull();
  expect(r.status, context).toBe(code);
  for (const m of messages) {
    if (typeof m === 'string') expect(r.stderr, context).toContain(m);
    else expect(r.stderr, context).toMatch(m);
  }
  expect(r.stderr).not.toContain('unexpected error');
  expect(r.stderr).not.toContain('"stack"');
  expect(r.stderr).not.toMatch(/(\n|\\n)\s{4}at /);
}

const created: string[] = [];

afterAll(() => {
  for (const d of created.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A temp directory every user can enter and read (children may run as nobody), removed after the file. */
export function openTempDir(prefix = 'sq-cli-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(d, 0o755);
  created.push(d);
  return d;
}
