import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readAudit } from './audit-log.js';
import { ARCHIVE, readProductionVersion, STAGING_PREFIX, versionDir } from './layout.js';
import { readLockState } from './lock.js';
import { verifyVersionDir } from './manifest.js';
import { findLeftovers } from './recover.js';
import type { RegistryStatus, VersionCheck } from './types.js';

function checkVersion(root: string, version: string): VersionCheck {
  const v = verifyVersionDir(versionDir(root, version));
  return { version, model_sha256: v.model_sha256, verified: v.verified, problems: v.problems };
}

/** Read-only health report: production (checksums verified), archive, lock, leftovers and last action. */
export function registryStatus(root: string): RegistryStatus {
  const productionProblems: string[] = [];
  let production: VersionCheck | null = null;
  try {
    const version = readProductionVersion(root);
    if (version !== null) {
      production = existsSync(versionDir(root, version))
        ? checkVersion(root, version)
        : { version, model_sha256: null, verified: false, problems: ['production link is dangling'] };
    }
  } catch (err) {
    productionProblems.push((err as Error).message);
  }
  const archiveDir = join(root, ARCHIVE);
  const archive = existsSync(archiveDir)
    ? readdirSync(archiveDir)
        .filter((n) => !n.startsWith(STAGING_PREFIX))
        .sort()
        .map((n) => checkVersion(root, n))
    : [];
  const { entries } = readAudit(root);
  const lock = readLockState(root);
  // While a live operation holds the lock, its temp paths are work in progress, not debris.
  const note = lock.state === 'held' ? ' [lock held: may be an operation in progress]' : '';
  return {
    root,
    production,
    productionProblems,
    archive,
    lock,
    leftovers: findLeftovers(root).map((l) => `${l}${note}`),
    lastAction: entries.length > 0 ? entries[entries.length - 1] : null,
  };
}
