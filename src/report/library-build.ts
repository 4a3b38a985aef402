import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { logger, ReportError } from '../core/index.js';

const STAMP = '.notebook-build';
const mtime = (p: string) => (existsSync(p) ? statSync(p).mtimeMs : 0);

/** Newest modification time (ms) of the .ts files under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** The tsc `npm run build` runs: node_modules/.bin/tsc of the project or of a folder above it. */
function findTsc(root: string): string {
  for (let dir = root; ; dir = dirname(dir)) {
    const bin = join(dir, 'node_modules', '.bin', 'tsc');
    if (existsSync(bin)) return realpathSync(bin);
    if (dirname(dir) === dir) break;
  }
  throw new ReportError('TypeScript is not installed', [
    { path: 'node_modules/.bin/tsc', message: 'not found', fix: 'npm run bootstrap' },
  ]);
}

/**
 * Notebooks import the compiled library with its declarations (`dist/src/**.js` + `.d.ts`). Makes sure
 * that build exists and is not older than the sources — a DVC experiment workspace has no dist/, and a
 * stage may run from freshly transpiled sources — by running the project's `tsc -p tsconfig.build.json`
 * (incremental) when it is missing or stale. Returns whether it built.
 */
export function ensureLibraryBuild(root: string): boolean {
  const dist = join(root, 'dist');
  // tsc rewrites its build info whenever it emits; the stamp covers a build that had nothing to emit.
  const built = Math.max(mtime(join(dist, '.tsbuildinfo')), mtime(join(dist, STAMP)));
  const fresh =
    existsSync(join(dist, 'src', 'report', 'index.d.ts')) && built >= newestSource(join(root, 'src'));
  if (fresh) return false;
  logger.info('report: building dist/ (the notebooks import the compiled library and its types)', { root });
  const tsc = findTsc(root);
  const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    throw new ReportError('the library build for the notebooks failed', [
      {
        path: 'tsconfig.build.json',
        message: (r.stdout || r.stderr || String(r.error ?? '')).trim().split('\n').slice(0, 5).join(' | '),
        fix: 'npm run build, fix the type errors it reports',
      },
    ]);
  }
  writeFileSync(join(dist, STAMP), `${new Date().toISOString()}\n`);
  return true;
}
