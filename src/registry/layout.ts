import { randomBytes } from 'node:crypto';
import { lstatSync, readlinkSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { settings } from '../config/index.js';
import { ConfigError, RegistryError } from '../core/index.js';
import { PATHS, REGISTRY_FILES, STUDENT_FILES, VALIDATION_FILES } from '../pipeline/index.js';

/** Default registry root, relative to the working directory. */
export const DEFAULT_REGISTRY_ROOT = PATHS.models;
export const PRODUCTION = REGISTRY_FILES.production;
export const ARCHIVE = REGISTRY_FILES.archive;
export const LOCK_FILE = REGISTRY_FILES.lock;
export const AUDIT_FILE = REGISTRY_FILES.audit;
export const STAGING_PREFIX = REGISTRY_FILES.stagingPrefix;
export const LINK_TMP_PREFIX = REGISTRY_FILES.linkTmpPrefix;
/** Temporary candidate bundles (a model plus its validation reports) made by the CLI: `.candidate-<pid>-…`. */
export const CANDIDATE_TMP_PREFIX = REGISTRY_FILES.candidatePrefix;
export const MODEL_FILE = STUDENT_FILES.model;
export const SCORER_FILE = STUDENT_FILES.scorer;
export const METADATA_FILE = STUDENT_FILES.metadata;
export const CHECKLIST_FILE = VALIDATION_FILES.checklistJson;
export const MANIFEST_FILE = REGISTRY_FILES.manifest;
export const VERSION_FILE = REGISTRY_FILES.version;
export const ENTRY_FILE = REGISTRY_FILES.entry;
/** Files the registry writes into every version; a candidate's own copies are not taken over. */
export const RESERVED_FILES: readonly string[] = [
  MANIFEST_FILE,
  REGISTRY_FILES.signature,
  VERSION_FILE,
  ENTRY_FILE,
];

const VERSION_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Throws ConfigError unless `version` is a safe single path segment. */
export function assertValidVersion(version: string): void {
  if (!VERSION_RE.test(version)) {
    throw new ConfigError('invalid model version', [
      {
        path: 'version',
        message: 'must be 1-128 chars of [A-Za-z0-9._-] starting with a letter or digit',
        value: version,
        fix: 'pick a plain name such as 20260101_120000_ab12cd34',
      },
    ]);
  }
}

/** Directory of an archived version. */
export function versionDir(root: string, version: string): string {
  return join(root, ARCHIVE, version);
}

/** Random suffix for temp names, unique across processes. */
export function tempSuffix(): string {
  return `${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Default actor: $SENSEQUANT_ACTOR, else user@host. */
export function defaultActor(): string {
  const actor = settings().actor;
  if (actor) return actor;
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return `pid${process.pid}@${hostname()}`;
  }
}

/**
 * Version currently in production, read from the `production` symlink (null when there is none).
 * Throws RegistryError when `production` exists but is not a symlink into archive/.
 */
export function readProductionVersion(root: string): string | null {
  const link = join(root, PRODUCTION);
  try {
    if (!lstatSync(link).isSymbolicLink()) {
      throw new RegistryError('production is not a registry symlink', [
        {
          path: link,
          message: 'expected a symlink to archive/<version>',
          fix: 'move the directory aside and promote it as a candidate',
        },
      ]);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const target = readlinkSync(link);
  const m = /^archive\/([^/]+)$/.exec(target);
  if (!m || !VERSION_RE.test(m[1])) {
    throw new RegistryError('production symlink points outside the archive', [
      {
        path: link,
        message: 'unexpected symlink target',
        value: target,
        fix: 'registry rollback --to <version>',
      },
    ]);
  }
  return m[1];
}

/**
 * Production version as a switch sees it: a symlink pointing outside the archive counts as no production
 * (the switch's rename replaces the link), while a real directory in its place still throws (moving it
 * aside is the operator's call).
 */
export function productionForSwitch(root: string): string | null {
  try {
    return readProductionVersion(root);
  } catch (err) {
    try {
      if (lstatSync(join(root, PRODUCTION)).isSymbolicLink()) return null;
    } catch {
      // fall through
    }
    throw err;
  }
}

/** readProductionVersion, but null instead of throwing on a malformed production pointer. */
export function safeProductionVersion(root: string): string | null {
  try {
    return readProductionVersion(root);
  } catch {
    return null;
  }
}
