import { constants, copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { logger } from '../core/index.js';
import { ensureDir, fsyncDir, stableStringify } from '../pipeline/index.js';
import { sha256File } from '../pipeline/index.js';
import { crashPoint } from './crash-hook.js';
import { fsyncTree } from './durable-fs.js';
import {
  ARCHIVE,
  ENTRY_FILE,
  MANIFEST_FILE,
  RESERVED_FILES,
  STAGING_PREFIX,
  tempSuffix,
  VERSION_FILE,
  versionDir,
} from './layout.js';
import { buildManifest, formatManifest, listFiles } from './manifest.js';
import { manifestSignature, SIGNATURE_FILE, signingKey } from './manifest-signature.js';
import type { FileChecksum } from './types.js';

/** registry_entry.json: how a version entered the registry. */
export interface RegistryEntry {
  version: string;
  staged_at: string;
  /** The candidate directory the user named (not a temporary bundle copy). */
  source_dir: string;
  /** Commit of the working tree the promotion ran from (null outside git). */
  git_commit: string | null;
  source_files: FileChecksum[];
  model_sha256: string;
  forced: boolean;
  reason: string | null;
  actor: string;
}

/** Candidate files the registry takes over (its own reserved files are regenerated, not copied). */
export function candidateFiles(candidateDir: string): FileChecksum[] {
  return listFiles(candidateDir)
    .filter((p) => !RESERVED_FILES.includes(p))
    .map((p) => ({ path: p, sha256: sha256File(join(candidateDir, p)) }));
}

/** Reads registry_entry.json of an archived version, or null. */
export function readRegistryEntry(root: string, version: string): RegistryEntry | null {
  try {
    return JSON.parse(readFileSync(join(versionDir(root, version), ENTRY_FILE), 'utf8')) as RegistryEntry;
  } catch {
    return null;
  }
}

/**
 * Copies a candidate into archive/<version> atomically: everything is written and fsynced in a
 * temp dir under archive/, which is then renamed into place, so archive/<version> is complete or absent.
 */
export function stageVersion(
  root: string,
  candidateDir: string,
  entry: Omit<RegistryEntry, 'source_files' | 'source_dir'>,
  sourceDir: string = candidateDir,
): FileChecksum[] {
  const archive = join(root, ARCHIVE);
  ensureDir(archive, 'registry archive');
  const tmp = join(archive, `${STAGING_PREFIX}${entry.version}-${tempSuffix()}`);
  mkdirSync(tmp);
  const sources = listFiles(candidateDir);
  for (const rel of sources) {
    if (RESERVED_FILES.includes(rel)) {
      logger.warn('registry: candidate file replaced by the registry copy', { file: rel });
      continue;
    }
    ensureDir(dirname(join(tmp, rel)), 'staging directory');
    copyFileSync(join(candidateDir, rel), join(tmp, rel), constants.COPYFILE_EXCL);
  }
  // Hash the staged copies, not the sources: that is what the manifest must vouch for.
  const sourceFiles = buildManifest(tmp);
  const full: RegistryEntry = { ...entry, source_dir: resolve(sourceDir), source_files: sourceFiles };
  writeFileSync(join(tmp, VERSION_FILE), `${entry.version}\n`, { flag: 'wx' });
  writeFileSync(join(tmp, ENTRY_FILE), `${stableStringify(full, 2)}\n`, { flag: 'wx' });
  const manifest = buildManifest(tmp);
  const manifestText = formatManifest(manifest);
  writeFileSync(join(tmp, MANIFEST_FILE), manifestText, { flag: 'wx' });
  const key = signingKey();
  if (key !== undefined) {
    writeFileSync(join(tmp, SIGNATURE_FILE), `${manifestSignature(manifestText, key)}\n`, { flag: 'wx' });
  }
  crashPoint('after-staging');
  fsyncTree(tmp);
  crashPoint('after-fsync');
  renameSync(tmp, versionDir(root, entry.version));
  fsyncDir(archive);
  crashPoint('after-archive-rename');
  return manifest;
}
