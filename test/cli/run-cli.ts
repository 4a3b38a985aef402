import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The built CLI (npm test builds dist/ before vitest runs). */
export const CLI = resolve('dist/src/cli/main.js');

/** Runs `node dist/src/cli/main.js …` as a user would; errors are logged at level error. */
export function runCli(args: string[], opts: { cwd?: string } = {}) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does it first)`);
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd,
    encoding: 'utf8',
    env: { ...process.env, SENSEQUANT_LOG_LEVEL: 'error' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
