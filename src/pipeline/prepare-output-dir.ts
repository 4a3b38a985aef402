import { closeSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDir } from './ensure-dir.js';
import { isErrnoError, outputError } from './output-error.js';
import { atomicTempPath, removeStaleTemps } from './temp-files.js';

/**
 * Makes `dir` ready for a stage's outputs, before the stage computes anything: creates it (or checks it
 * is a directory), removes temp files a killed earlier run left in it, and proves it is writable by
 * creating and removing a probe file. Any problem is an ArtifactError (exit 1) naming the directory and
 * the fix, raised before minutes of training are spent.
 */
export function prepareOutputDir(dir: string, what = 'output directory'): void {
  ensureDir(dir, what);
  removeStaleTemps(dir);
  const probe = atomicTempPath(join(dir, 'write-probe'));
  try {
    closeSync(openSync(probe, 'wx'));
    rmSync(probe, { force: true });
  } catch (e) {
    if (isErrnoError(e)) throw outputError(e, dir, what);
    throw e;
  }
}
