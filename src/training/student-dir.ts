import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ArtifactError, SenseQuantError } from '../core/index.js';
import {
  type Classifier,
  loadClassifier,
  loadScorer,
  type SavedModel,
  type Scorer,
} from '../models/index.js';
import {
  parseJsonBytes,
  READ_LIMITS,
  readFileBounded,
  readJsonBounded,
  readTextBounded,
  REGISTRY_FILES,
  sha256,
  STUDENT_FILES,
} from '../pipeline/index.js';

const FIX = 're-run train-student';

/** A verified student directory (a training output, the production dir, or an archived version). */
export interface StudentDir {
  dir: string;
  metadata: Record<string, unknown> & {
    model_sha256: string;
    config_hash?: string;
    n_configurations_tried?: number;
    scorer_sha256?: string;
    data?: { test_start?: string };
  };
  saved: SavedModel;
  model: Classifier;
  /** The compiled scorer (scorer.json, verified against metadata.scorer_sha256): what validation and the engine serve. */
  scorer: Scorer;
  version: string;
}

/** Opens a student dir: model + metadata present, sha256 matches, model JSON passes its schema. */
export function readStudentDir(dir: string): StudentDir {
  const modelPath = join(dir, STUDENT_FILES.model);
  const metaPath = join(dir, STUDENT_FILES.metadata);
  const missing = [modelPath, metaPath].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new ArtifactError(
      `not a student model directory: ${dir}`,
      missing.map((p) => ({
        path: p,
        message: 'missing',
        fix: 'pass a directory written by train-student (or the registry production dir)',
      })),
    );
  }
  const meta = readJsonBounded(metaPath, {
    maxBytes: READ_LIMITS.metadata,
    what: 'student metadata',
    fix: FIX,
  });
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) {
    throw new ArtifactError(`invalid ${metaPath}`, [
      { path: metaPath, file: metaPath, message: 'is not a JSON object', fix: FIX },
    ]);
  }
  const metadata = meta as StudentDir['metadata'];
  // The bytes checked are the bytes parsed (bounded: a FIFO, a device or an oversized file is refused).
  const bytes = readFileBounded(modelPath, { maxBytes: READ_LIMITS.model, what: 'student model', fix: FIX });
  const actual = sha256(bytes);
  if (typeof metadata.model_sha256 !== 'string' || actual !== metadata.model_sha256) {
    throw new ArtifactError(`checksum mismatch for ${modelPath}`, [
      {
        path: `${metaPath}:model_sha256`,
        value: metadata.model_sha256,
        message: `file hashes to ${actual}`,
        fix: 'the model was modified or truncated: re-run train-student',
      },
    ]);
  }
  const saved = parseJsonBytes(bytes, modelPath, { what: 'student model', fix: FIX }) as SavedModel;
  let model: Classifier;
  try {
    model = loadClassifier(saved);
  } catch (e) {
    if (e instanceof SenseQuantError) throw e;
    throw new ArtifactError(`invalid student model ${modelPath}`, [
      { path: modelPath, message: e instanceof Error ? e.message : String(e) },
    ]);
  }
  const scorer = readScorer(dir, metaPath, metadata.scorer_sha256);
  const versionFile = join(dir, REGISTRY_FILES.version);
  const version = existsSync(versionFile)
    ? readTextBounded(versionFile, { maxBytes: 1024, what: 'model version file' }).trim()
    : `student:${actual.slice(0, 12)}`;
  return { dir, metadata, saved, model, scorer, version };
}

/** Reads scorer.json, checks it against the sha256 recorded at training time, and compiles it. */
function readScorer(dir: string, metaPath: string, recorded: unknown): Scorer {
  const path = join(dir, STUDENT_FILES.scorer);
  if (!existsSync(path)) {
    throw new ArtifactError(`no compiled scorer in ${dir}`, [
      { path, message: 'missing', fix: 're-run train-student (it writes scorer.json beside the model)' },
    ]);
  }
  const bytes = readFileBounded(path, { maxBytes: READ_LIMITS.scorer, what: 'scorer', fix: FIX });
  const actual = sha256(bytes);
  if (typeof recorded !== 'string' || actual !== recorded) {
    throw new ArtifactError(`checksum mismatch for ${path}`, [
      {
        path: `${metaPath}:scorer_sha256`,
        value: recorded,
        message: `file hashes to ${actual}`,
        fix: 'the scorer was modified or truncated: re-run train-student',
      },
    ]);
  }
  const json = parseJsonBytes(bytes, path, { what: 'scorer', fix: FIX });
  try {
    return loadScorer(json);
  } catch (e) {
    if (e instanceof SenseQuantError) throw e;
    throw new ArtifactError(`invalid scorer ${path}`, [
      { path, file: path, message: e instanceof Error ? e.message : String(e), fix: FIX },
    ]);
  }
}
