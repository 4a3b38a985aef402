import { existsSync } from 'node:fs';
import { RegistryError } from '../core/index.js';
import { versionDir } from './layout.js';
import { verifyVersionDir } from './manifest.js';
import { candidateFiles, readRegistryEntry } from './stage-version.js';

/** `YYYYMMDD_HHMMSS` of a time, in UTC. */
export function timeStamp(now: Date): string {
  const iso = now.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}_${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

/** A version id to promote under, and whether it is already staged with identical content. */
export interface ResolvedVersion {
  version: string;
  reuse: boolean;
}

/**
 * Derives `<YYYYMMDD_HHMMSS>_<sha8>` (suffixed `_2`, `_3`, ... if taken) or checks an explicit one.
 * An explicit version may already exist only with the candidate's exact files (a retried promotion).
 */
export function resolveVersion(
  root: string,
  candidateDir: string,
  explicit: string | undefined,
  modelSha: string,
  now: Date,
): ResolvedVersion {
  if (explicit === undefined) {
    const base = `${timeStamp(now)}_${modelSha.slice(0, 8)}`;
    let version = base;
    for (let n = 2; existsSync(versionDir(root, version)); n++) version = `${base}_${n}`;
    return { version, reuse: false };
  }
  if (!existsSync(versionDir(root, explicit))) return { version: explicit, reuse: false };
  const entry = readRegistryEntry(root, explicit);
  const same =
    entry !== null &&
    JSON.stringify(entry.source_files) === JSON.stringify(candidateFiles(candidateDir)) &&
    verifyVersionDir(versionDir(root, explicit)).verified;
  if (!same) {
    throw new RegistryError('version already exists in the archive with different content', [
      {
        path: 'version',
        value: explicit,
        message: 'archived versions are immutable',
        fix: 'choose another --version, or omit it to derive one',
      },
    ]);
  }
  return { version: explicit, reuse: true };
}
