import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A command's outcome: exit status and both streams as text. */
export interface Ran {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * A throwaway git repository holding this checkout's files as they are now (tracked and untracked, minus
 * what .gitignore ignores) in one commit, with node_modules and .venv linked to this checkout's: what a
 * fresh clone is, without needing the work to be committed first.
 */
export function repoCopy(prefix = 'sq-repo-'): string {
  const dir = join(mkdtempSync(join(tmpdir(), prefix)), 'repo');
  mkdirSync(dir);
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'])
    .toString()
    .split('\0')
    .filter(Boolean);
  for (const f of files) {
    mkdirSync(join(dir, dirname(f)), { recursive: true });
    cpSync(f, join(dir, f));
  }
  symlinkSync(realpathSync('node_modules'), join(dir, 'node_modules'));
  symlinkSync(realpathSync('.venv'), join(dir, '.venv'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'test');
  git('add', '-A');
  git('commit', '-q', '-m', 'copy of the checkout under test');
  return dir;
}

/** Runs a command in `cwd` with the copy's .venv/bin first on PATH (dvc), never throwing. */
export function run(cwd: string, cmd: string, args: string[], env: Record<string, string> = {}): Ran {
  const r = spawnSync(cmd, args, {
    cwd,
    env: { ...process.env, PATH: `${join(cwd, '.venv', 'bin')}:${process.env.PATH}`, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status ?? -1, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

/** `dvc …` in `cwd`; throws with both streams when it fails. */
export function dvc(cwd: string, ...args: string[]): string {
  const r = run(cwd, join(cwd, '.venv', 'bin', 'dvc'), args);
  if (r.status !== 0) throw new Error(`dvc ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}
