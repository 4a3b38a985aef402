import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensureDir } from './ensure-dir.js';
import { isErrnoError, outputError } from './output-error.js';
import { atomicTempPath } from './temp-files.js';

/** Hook for fault-injection tests: called at named points of an atomic write. */
export type CrashHook = (point: 'after-temp-write' | 'before-rename' | 'after-rename') => void;

let crashHook: CrashHook | undefined;

/** Installs (or clears) a crash hook; tests only. */
export function setAtomicWriteCrashHook(hook: CrashHook | undefined): void {
  crashHook = hook;
}

let durable = true;

/**
 * Turns the fsyncs of writeFileAtomic off (or back on) for the calling thread. Writes stay atomic (temp
 * file + rename: a killed process never leaves a torn file); only durability across a power cut is given
 * up. The walk-forward batch does so because it verifies every window's sha256 on resume and redoes what
 * does not match, and ~60 fsyncs per window cost more than training it.
 */
export function setAtomicWriteDurability(on: boolean): void {
  durable = on;
}

/** fsyncs a directory so a rename inside it is durable. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some filesystems refuse fsync on directories; the rename itself is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes `data` to `path` atomically: temp file in the same directory, fsync, rename, fsync dir.
 * A crash at any point leaves either the old file or the new one, never half of one (a killed process
 * leaves its temp file, which the next run of the stage removes: see removeStaleTemps). A filesystem
 * error (permission, read-only, disk full, a file where a directory is expected…) is an ArtifactError
 * naming the path and the fix; the temp file is removed and the old file is left as it was.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  ensureDir(dir);
  const tmp = atomicTempPath(path);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx');
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    crashHook?.('after-temp-write');
    if (durable) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    crashHook?.('before-rename');
    renameSync(tmp, path);
  } catch (err) {
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(tmp, { force: true });
    } catch {
      // the original error is the one to report; a leftover temp file is removed by the next run
    }
    throw isErrnoError(err) ? outputError(err, path) : err;
  }
  if (durable) fsyncDir(dir);
  crashHook?.('after-rename');
}

/** Writes `value` as pretty, key-sorted JSON with a trailing newline, atomically. */
export function writeJsonAtomic(path: string, value: unknown): void {
  writeFileAtomic(path, `${stableStringify(value, 2)}\n`);
}

/** JSON.stringify with object keys sorted recursively (arrays keep their order). */
export function stableStringify(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>);
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as Record<string, unknown>).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}
