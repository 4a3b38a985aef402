import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The project's Python venv (`.venv`) as seen from `start`: the nearest `.venv/bin/python` in `start` or
 * an ancestor, the way Node finds `node_modules`. DVC runs `dvc exp run --temp` and queued experiments in
 * `.dvc/tmp/exps/…/<tmp>/` inside the repository — a copy of the git-tracked files only — so the stages
 * there use the repository's venv. Returns `<start>/.venv` when none exists (the caller reports it missing).
 */
export function projectVenv(start = process.cwd()): string {
  const first = join(resolve(start), '.venv');
  for (let dir = resolve(start); ; ) {
    const venv = join(dir, '.venv');
    if (existsSync(join(venv, 'bin', 'python'))) return venv;
    const up = dirname(dir);
    if (up === dir) return first;
    dir = up;
  }
}
