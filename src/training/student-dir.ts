import { join } from 'node:path';
import type { Classifier, SavedModel, Scorer } from '../models/index.js';
import { REGISTRY_FILES } from '../pipeline/index.js';
import { type BundleMetadata, openModelBundle, readRegularFile } from '../registry/index.js';

/** A verified student directory (a training output, the production dir, or an archived version). */
export interface StudentDir {
  dir: string;
  metadata: BundleMetadata &
    Record<string, unknown> & {
      n_configurations_tried?: number;
      data?: { test_start?: string };
    };
  saved: SavedModel;
  model: Classifier;
  /** The compiled scorer (scorer.json, verified against metadata.scorer_sha256): what validation and the engine serve. */
  scorer: Scorer;
  version: string;
}

/**
 * Opens a student dir through the registry's verified loader (the code the engine uses): metadata schema,
 * model and scorer sha256, the model loaded by its learner, the scorer compiled and equal to the model's
 * export. Any problem is an ArtifactError naming the file.
 */
export function readStudentDir(dir: string): StudentDir {
  const b = openModelBundle(dir);
  const versionFile = readRegularFile(join(dir, REGISTRY_FILES.version), 256);
  const version = versionFile.ok
    ? versionFile.bytes.toString('utf8').trim()
    : `student:${b.modelSha256.slice(0, 12)}`;
  return { dir, metadata: b.metadata, saved: b.saved, model: b.model, scorer: b.scorer, version };
}
