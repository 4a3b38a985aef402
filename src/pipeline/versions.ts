import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

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
    const lib = join(root, '.venv', 'lib');
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

let cached: Record<string, string | null> | undefined;

/** Versions of the tools that shape artifacts: node, typescript, tfjs, dvc. */
export function toolVersions(root = process.cwd()): Record<string, string | null> {
  cached ??= {
    node: process.versions.node,
    typescript: pkgVersion('typescript'),
    tfjs: pkgVersion('@tensorflow/tfjs'),
    dvc: dvcVersion(root),
  };
  return cached;
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
