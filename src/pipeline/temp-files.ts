import { type Dirent, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { logger } from '../core/index.js';

/** Temp files of writeFileAtomic: `.<name>.<pid>.<epoch ms>.tmp`, hidden, beside the file they replace. */
const TEMP_NAME = /^\..+\.(\d+)\.\d+\.tmp$/;

/** The temp path writeFileAtomic writes `path` through before renaming it into place. */
export function atomicTempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
}

/** The writer's pid when `name` is a writeFileAtomic temp file name, else undefined. */
export function atomicTempPid(name: string): number | undefined {
  const m = TEMP_NAME.exec(name);
  return m ? Number(m[1]) : undefined;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return false; // ours, from a write that failed: nothing of ours is in flight
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/**
 * Removes writeFileAtomic temp files left in `dir` (and its subdirectories down to `depth`) by a process
 * that was killed mid-write; a temp file whose writer is still running is kept. Only that name pattern is
 * touched (only temps of the file `name` when given), symbolic links are not followed. Returns the
 * removed paths.
 */
export function removeStaleTemps(dir: string, opts: { depth?: number; name?: string } = {}): string[] {
  const prefix = opts.name === undefined ? '.' : `.${opts.name}.`;
  const removed: string[] = [];
  const walk = (d: string, left: number): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return; // missing or unreadable: nothing of ours to clean
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (left > 0) walk(p, left - 1);
        continue;
      }
      const pid = e.isFile() && e.name.startsWith(prefix) ? atomicTempPid(e.name) : undefined;
      if (pid === undefined || alive(pid)) continue;
      rmSync(p, { force: true });
      removed.push(p);
    }
  };
  walk(dir, opts.depth ?? 2);
  if (removed.length > 0) logger.info('removed stale temp files of an interrupted run', { dir, removed });
  return removed;
}
