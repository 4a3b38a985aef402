import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { logger } from '../core/index.js';
import { fsyncDir } from '../pipeline/index.js';
import { appendAudit, auditedProduction, readAudit } from './audit-log.js';
import { isPidAlive } from './lock.js';
import {
  ARCHIVE,
  AUDIT_FILE,
  CANDIDATE_TMP_PREFIX,
  LINK_TMP_PREFIX,
  METADATA_FILE,
  productionForSwitch,
  readProductionVersion,
  STAGING_PREFIX,
  versionDir,
} from './layout.js';

/** model_sha256 recorded in an archived version's metadata, or null if unreadable. */
export function archivedModelSha(root: string, version: string | null): string | null {
  if (version === null) return null;
  try {
    const meta = JSON.parse(readFileSync(join(versionDir(root, version), METADATA_FILE), 'utf8')) as {
      model_sha256?: unknown;
    };
    return typeof meta.model_sha256 === 'string' ? meta.model_sha256 : null;
  } catch {
    return null;
  }
}

function tempPaths(root: string): string[] {
  const out: string[] = [];
  const archive = join(root, ARCHIVE);
  if (existsSync(archive)) {
    for (const n of readdirSync(archive)) if (n.startsWith(STAGING_PREFIX)) out.push(join(archive, n));
  }
  if (existsSync(root)) {
    for (const n of readdirSync(root)) {
      if (n.startsWith(LINK_TMP_PREFIX)) out.push(join(root, n));
      // A candidate bundle belongs to a live CLI process until its pid is gone.
      const pid = n.startsWith(CANDIDATE_TMP_PREFIX)
        ? Number(n.slice(CANDIDATE_TMP_PREFIX.length).split('-')[0])
        : Number.NaN;
      if (Number.isInteger(pid) && !isPidAlive(pid)) out.push(join(root, n));
    }
  }
  return out.sort();
}

/** Describes what interrupted operations left behind: temp dirs/links, torn audit lines, unlogged switches. */
export function findLeftovers(root: string): string[] {
  const out = tempPaths(root).map(
    (p) => `${p}: temp file of an interrupted operation (removed by the next promote/rollback)`,
  );
  const { entries, badLines } = readAudit(root);
  for (const n of badLines) out.push(`${join(root, AUDIT_FILE)}:${n}: unparseable line (torn append)`);
  let current: string | null = null;
  try {
    current = readProductionVersion(root);
  } catch {
    return out; // reported by registryStatus as a production problem
  }
  const audited = auditedProduction(entries);
  if (current !== null && current !== audited) {
    out.push(
      `production is ${current} but the audit log says ${audited ?? 'none'}: switch not logged (recorded by the next promote/rollback)`,
    );
  } else if (current === null && audited !== null) {
    out.push(
      `production link missing but the audit log says ${audited}: run \`registry rollback --to ${audited}\``,
    );
  }
  return out;
}

/**
 * Cleans up after interrupted operations; call only while holding the registry lock, which
 * guarantees no other operation owns these temp paths. An unlogged switch is recorded as `recover`.
 */
export function recoverUnderLock(root: string, actor: string): void {
  const temps = tempPaths(root);
  for (const p of temps) {
    rmSync(p, { recursive: true, force: true });
    logger.warn('registry: removed leftover of an interrupted operation', { path: p });
  }
  if (temps.length > 0) {
    fsyncDir(root);
    if (existsSync(join(root, ARCHIVE))) fsyncDir(join(root, ARCHIVE));
  }
  const current = productionForSwitch(root);
  const audited = auditedProduction(readAudit(root).entries);
  if (current !== null && current !== audited && !existsSync(versionDir(root, current))) {
    // A link to a version that does not exist was never a switch this registry made: no audit entry.
    logger.warn('registry: production points to a missing version; not recorded', { version: current });
  } else if (current !== null && current !== audited) {
    appendAudit(root, {
      action: 'recover',
      from: audited,
      to: current,
      reason: 'production was switched but the audit append was interrupted; recorded on recovery',
      forced: false,
      actor,
      checksums: {
        model_sha256_from: archivedModelSha(root, audited),
        model_sha256_to: archivedModelSha(root, current),
      },
    });
    logger.warn('registry: recorded an unlogged production switch', { from: audited, to: current });
  }
}
