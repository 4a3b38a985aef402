import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { projectVenv } from './project-venv.js';

const require = createRequire(import.meta.url);

function pkgVersion(name: string): string | null {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return null;
  }
}

/** dvc version read from the venv's dist-info folder name (spawning dvc costs ~1 s). */
function dvcVersion(root: string): string | null {
  try {
    const lib = join(projectVenv(root), 'lib');
    for (const py of readdirSync(lib)) {
      const site = join(lib, py, 'site-packages');
      const info = readdirSync(site).find((d) => /^dvc-\d[^-]*\.dist-info$/.test(d));
      if (info) return info.slice(4, -'.dist-info'.length);
    }
  } catch {
    // no venv: dvc is not installed locally
  }
  return null;
}

let pinned: Record<string, string | null> | undefined;
const machine = new Map<string, Record<string, string | null>>();

/**
 * Versions of the packages that shape artifact bytes and are pinned exactly by package.json and
 * package-lock.json (a dependency of every DVC stage), so they are the same on every machine that
 * reproduces a given dvc.lock. Safe to write into DVC-tracked files.
 */
export function pinnedVersions(): Record<string, string | null> {
  pinned ??= { typescript: pkgVersion('typescript'), tfjs: pkgVersion('@tensorflow/tfjs') };
  return pinned;
}

/**
 * Versions that differ between machines (Node.js within the engines range, dvc within 3.x). They belong
 * in the run log, never in DVC-tracked bytes: a fresh clone on another machine must reproduce dvc.lock.
 */
export function machineVersions(root = process.cwd()): Record<string, string | null> {
  let v = machine.get(root);
  if (!v) {
    v = { node: process.versions.node, dvc: dvcVersion(root) };
    machine.set(root, v);
  }
  return v;
}

/** Every tool version (machine and pinned): what the run log records. */
export function toolVersions(root = process.cwd()): Record<string, string | null> {
  return { ...machineVersions(root), ...pinnedVersions() };
}

const commits = new Map<string, string | null>();

/**
 * Current git commit (full sha) or null outside a git checkout. Asked once per root and process: a
 * walk-forward batch writes hundreds of metadata files, and a `git` spawn costs ~5 ms each.
 */
export function gitCommit(root = process.cwd()): string | null {
  const known = commits.get(root);
  if (known !== undefined) return known;
  let sha: string | null;
  try {
    sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    sha = null;
  }
  commits.set(root, sha);
  return sha;
}

/** Reads a file as text or returns null. */
export function readTextOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
