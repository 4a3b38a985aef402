import { join } from 'node:path';
import { z } from 'zod';
import { ArtifactError, type Issue, SenseQuantError } from '../core/index.js';
import {
  type Classifier,
  exportScorer,
  loadClassifier,
  parseScorerJson,
  type SavedModel,
  type Scorer,
  compileScorer,
} from '../models/index.js';
import { sha256, stableStringify, STUDENT_FILES } from '../pipeline/index.js';
import { readJsonFile, readRegularFile, REGISTRY_LIMITS } from './bounded-read.js';

const SHA256 = /^[0-9a-f]{64}$/;

/** The metadata keys the engine relies on: hashes of what it loads, features and classes. */
export const bundleMetadataSchema = z.looseObject({
  model_sha256: z.string().regex(SHA256, 'must be 64 lowercase hex chars'),
  scorer_sha256: z.string().regex(SHA256, 'must be 64 lowercase hex chars'),
  config_hash: z.string().regex(/^[0-9a-f]{8}$/, 'must be 8 lowercase hex chars'),
  feature_names: z.array(z.string().min(1)).min(1),
  classes: z.array(z.string().min(1)).min(2),
});

export type BundleMetadata = z.infer<typeof bundleMetadataSchema>;

/** A student directory verified and loaded exactly as the live engine serves it. */
export interface ModelBundle {
  dir: string;
  metadata: BundleMetadata & Record<string, unknown>;
  saved: SavedModel;
  model: Classifier;
  /** The compiled scorer of scorer.json: what validation and the engine decide with. */
  scorer: Scorer;
  modelSha256: string;
  scorerSha256: string;
}

/** Outcome of checking a bundle without throwing: the named problems, or the loaded bundle. */
export type BundleCheck = { ok: true; bundle: ModelBundle } | { ok: false; problems: Issue[] };

function problem(
  path: string,
  message: string,
  fix = 'retrain the model (train-student) and validate it again',
  code = 'artifact.bundle',
): Issue {
  return { code, path, message, fix };
}

function sameFeatures(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Verifies and loads a student directory the way the engine will use it: metadata.json (bounded, schema),
 * student_model.json and scorer.json against the sha256 recorded at training time, the model through its
 * learner (schema, finite weights, layer shapes), the scorer compiled, the scorer equal to the model's own
 * export, and the feature list and classes consistent across the three. Never throws for a bad bundle.
 */
export function checkModelBundle(dir: string): BundleCheck {
  const metaPath = join(dir, STUDENT_FILES.metadata);
  const meta = readJsonFile(metaPath);
  if (!meta.ok) return { ok: false, problems: [problem(metaPath, meta.detail)] };
  const parsed = bundleMetadataSchema.safeParse(meta.value);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => problem(`${metaPath}:${i.path.join('.')}`, i.message)),
    };
  }
  const metadata = parsed.data;
  const problems: Issue[] = [];
  const file = (name: string, recorded: string): Buffer | null => {
    const path = join(dir, name);
    const r = readRegularFile(path, REGISTRY_LIMITS.modelBytes);
    if (!r.ok) {
      problems.push(problem(path, r.detail));
      return null;
    }
    const actual = sha256(r.bytes);
    if (actual !== recorded) {
      problems.push(
        problem(
          path,
          `sha256 ${actual.slice(0, 16)}… differs from the ${recorded.slice(0, 16)}… recorded in metadata.json (modified after training)`,
          undefined,
          'artifact.checksum',
        ),
      );
      return null;
    }
    return r.bytes;
  };
  const modelBytes = file(STUDENT_FILES.model, metadata.model_sha256);
  const scorerBytes = file(STUDENT_FILES.scorer, metadata.scorer_sha256);
  if (!modelBytes || !scorerBytes) return { ok: false, problems };
  let saved: SavedModel;
  let model: Classifier;
  let scorer: Scorer;
  try {
    saved = JSON.parse(modelBytes.toString('utf8')) as SavedModel;
    model = loadClassifier(saved);
    const scorerJson = parseScorerJson(JSON.parse(scorerBytes.toString('utf8')));
    if (stableStringify(scorerJson) !== stableStringify(exportScorer(saved))) {
      problems.push(
        problem(join(dir, STUDENT_FILES.scorer), 'is not the compiled form of student_model.json'),
      );
    }
    scorer = compileScorer(scorerJson);
  } catch (err) {
    const detail =
      err instanceof SenseQuantError
        ? [err.message.split('\n')[0], ...err.issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`)].join(
            '; ',
          )
        : (err as Error).message;
    return {
      ok: false,
      problems: [...problems, problem(dir, `model does not load: ${detail.slice(0, 400)}`)],
    };
  }
  if (
    !sameFeatures(model.featureNames, metadata.feature_names) ||
    !sameFeatures(scorer.featureNames, metadata.feature_names)
  ) {
    problems.push(
      problem(
        metaPath,
        `feature lists differ: metadata ${metadata.feature_names.length}, model ${model.featureNames.length}, scorer ${scorer.featureNames.length}`,
      ),
    );
  }
  if (!sameFeatures(scorer.classes, metadata.classes) || model.numClasses !== metadata.classes.length) {
    problems.push(
      problem(metaPath, `classes differ between metadata (${metadata.classes.join(',')}) and the model`),
    );
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    bundle: {
      dir,
      metadata: metadata as ModelBundle['metadata'],
      saved,
      model,
      scorer,
      modelSha256: metadata.model_sha256,
      scorerSha256: metadata.scorer_sha256,
    },
  };
}

/** checkModelBundle that throws ArtifactError (exit 1) naming every problem. */
export function openModelBundle(dir: string): ModelBundle {
  const r = checkModelBundle(dir);
  if (!r.ok) throw new ArtifactError(`model in ${dir} failed verification`, r.problems);
  return r.bundle;
}
