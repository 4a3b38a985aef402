import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArtifactError, SenseQuantError } from '../core/index.js';
import {
  type Classifier,
  loadClassifier,
  loadScorer,
  type SavedModel,
  type Scorer,
} from '../models/index.js';
import { REGISTRY_FILES, sha256File, STUDENT_FILES } from '../pipeline/index.js';

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
  let metadata: StudentDir['metadata'];
  let saved: SavedModel;
  try {
    metadata = JSON.parse(readFileSync(metaPath, 'utf8'));
    saved = JSON.parse(readFileSync(modelPath, 'utf8'));
  } catch (e) {
    throw new ArtifactError(`cannot parse student artifacts in ${dir}`, [
      { path: dir, message: e instanceof Error ? e.message : String(e), fix: 're-run train-student' },
    ]);
  }
  const actual = sha256File(modelPath);
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
    ? readFileSync(versionFile, 'utf8').trim()
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
  const actual = sha256File(path);
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
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ArtifactError(`cannot parse ${path}`, [
      { path, message: e instanceof Error ? e.message : String(e), fix: 're-run train-student' },
    ]);
  }
  return loadScorer(json);
}
