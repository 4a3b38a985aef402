import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { auditedProduction, readAudit } from './audit-log.js';
import { ARCHIVE, readProductionVersion, STAGING_PREFIX, versionDir } from './layout.js';
import { readLockState } from './lock.js';
import { verifyVersionDir } from './manifest.js';
import { findLeftovers } from './recover.js';
import type { RegistryStatus, VersionCheck } from './types.js';

function checkVersion(root: string, version: string): VersionCheck {
  const v = verifyVersionDir(versionDir(root, version));
  return { version, model_sha256: v.model_sha256, verified: v.verified, problems: v.problems };
}

/** The archived version to restore when the production pointer is broken: the audited one if it verifies, else the newest that does. */
function restoreCandidate(archive: VersionCheck[], audited: string | null): string | null {
  const ok = archive.filter((v) => v.verified).map((v) => v.version);
  if (audited !== null && ok.includes(audited)) return audited;
  return ok.length > 0 ? ok[ok.length - 1] : null;
}

/** Read-only health report: production (checksums verified), archive, lock, leftovers and last action. */
export function registryStatus(root: string): RegistryStatus {
  const productionProblems: string[] = [];
  let production: VersionCheck | null = null;
  const archiveDir = join(root, ARCHIVE);
  const archive = existsSync(archiveDir)
    ? readdirSync(archiveDir)
        .filter((n) => !n.startsWith(STAGING_PREFIX) && !n.startsWith('.'))
        .sort()
        .map((n) => checkVersion(root, n))
    : [];
  const { entries } = readAudit(root);
  const restore = restoreCandidate(archive, auditedProduction(entries));
  const fix = restore
    ? `fix: registry rollback --to ${restore} --reason "repair production pointer"`
    : 'fix: promote a verified candidate';
  try {
    const version = readProductionVersion(root);
    if (version !== null && !existsSync(versionDir(root, version))) {
      production = {
        version,
        model_sha256: null,
        verified: false,
        problems: [`production link is dangling (archive/${version} does not exist); ${fix}`],
      };
      productionProblems.push(`production points to archive/${version}, which does not exist; ${fix}`);
    } else if (version !== null) {
      production = checkVersion(root, version);
    }
  } catch (err) {
    productionProblems.push(`${(err as Error).message.split('\n')[0]}; ${fix}`);
  }
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
