import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArtifactError } from '../core/index.js';
import { sha256 } from '../pipeline/index.js';
import { type CandidateMetadata, candidateMetadataSchema, zodIssueText } from './candidate-schema.js';
import {
  DEFAULT_REGISTRY_ROOT,
  MANIFEST_FILE,
  METADATA_FILE,
  MODEL_FILE,
  PRODUCTION,
  readProductionVersion,
  versionDir,
} from './layout.js';
import { parseManifest } from './manifest.js';

/** The production model, read from one resolved version dir and checksum-verified. */
export interface LoadedProductionModel {
  version: string;
  dir: string;
  model_sha256: string;
  metadata: CandidateMetadata;
  model: unknown;
}

/** Stable path of the production model file (through the `production` symlink). */
export function productionModelPath(root: string = DEFAULT_REGISTRY_ROOT): string {
  return join(root, PRODUCTION, MODEL_FILE);
}

/** Reads the production model JSON; throws ArtifactError unless its sha256 matches metadata and manifest. */
export function loadProductionModelJson(root: string = DEFAULT_REGISTRY_ROOT): LoadedProductionModel {
  const version = readProductionVersion(root);
  if (version === null) {
    throw new ArtifactError('no production model', [
      { path: join(root, PRODUCTION), message: 'missing', fix: 'promote a candidate first' },
    ]);
  }
  // Resolve the link once so a concurrent switch cannot mix files of two versions.
  const dir = versionDir(root, version);
  const fail = (message: string): never => {
    throw new ArtifactError(`production model ${version} failed verification`, [
      { path: MODEL_FILE, file: dir, message, fix: 'registry status; registry rollback' },
    ]);
  };
  let bytes: Buffer;
  let metaRaw: unknown;
  let manifestText: string;
  try {
    bytes = readFileSync(join(dir, MODEL_FILE));
    metaRaw = JSON.parse(readFileSync(join(dir, METADATA_FILE), 'utf8'));
    manifestText = readFileSync(join(dir, MANIFEST_FILE), 'utf8');
  } catch (err) {
    return fail(`unreadable: ${(err as Error).message}`);
  }
  const meta = candidateMetadataSchema.safeParse(metaRaw);
  if (!meta.success) return fail(`metadata invalid: ${zodIssueText(meta.error)}`);
  const actual = sha256(bytes);
  if (actual !== meta.data.model_sha256)
    return fail(`sha256 ${actual} != metadata.model_sha256 ${meta.data.model_sha256}`);
  const listed = parseManifest(manifestText)?.find((e) => e.path === MODEL_FILE);
  if (listed?.sha256 !== actual) return fail(`sha256 ${actual} does not match ${MANIFEST_FILE}`);
  let model: unknown;
  try {
    model = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    return fail(`not JSON: ${(err as Error).message}`);
  }
  return { version, dir, model_sha256: actual, metadata: meta.data, model };
}
