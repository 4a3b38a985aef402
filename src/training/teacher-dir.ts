import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ArtifactError, type Issue, SenseQuantError } from '../core/index.js';
import { CLASSES } from '../labels/index.js';
import { type Classifier, loadClassifier, type SavedModel } from '../models/index.js';
import {
  type ColumnsTable,
  parseJsonBytes,
  READ_LIMITS,
  readColumnsCsv,
  readFileBounded,
  readJsonBounded,
  sha256,
  TEACHER_FILES,
} from '../pipeline/index.js';

const teacherMetadataSchema = z
  .object({
    config_hash: z.string().regex(/^[0-9a-f]{8}$/),
    model_sha256: z.string().regex(/^[0-9a-f]{64}$/),
    symbols: z.array(z.string()),
    teacher_params: z
      .object({
        horizon: z.number().int().min(1),
        min_holding_return: z.number(),
        features: z.array(z.string()).min(1),
      })
      .passthrough(),
  })
  .passthrough();

export type TeacherMetadata = z.infer<typeof teacherMetadataSchema>;

/** A verified teacher directory. */
export interface TeacherDir {
  dir: string;
  metadata: TeacherMetadata;
  saved: SavedModel;
  model: Classifier;
  labels: ColumnsTable;
}

const REQUIRED = [TEACHER_FILES.model, TEACHER_FILES.labels, TEACHER_FILES.metadata] as const;

function readJson(path: string, what: string, maxBytes: number): unknown {
  return readJsonBounded(path, { maxBytes, what, fix: 're-run train-teacher' });
}

/**
 * Opens a teacher directory and verifies it: required files present, metadata schema, model sha256,
 * model JSON schema, labels table with the feature, label and probability columns. Any problem is an
 * ArtifactError naming the file and what is wrong.
 */
export function readTeacherDir(dir: string): TeacherDir {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ArtifactError(`teacher directory not found: ${dir}`, [
      { path: dir, message: 'not a directory', fix: 'pass --teacher-dir <dir written by train-teacher>' },
    ]);
  }
  const missing = REQUIRED.filter((f) => !existsSync(join(dir, f)));
  if (missing.length > 0) {
    throw new ArtifactError(
      `incomplete teacher directory ${dir}`,
      missing.map((f) => ({
        path: join(dir, f),
        message: 'missing',
        fix: 're-run train-teacher into this directory',
      })),
    );
  }
  const metaPath = join(dir, TEACHER_FILES.metadata);
  const parsed = teacherMetadataSchema.safeParse(
    readJson(metaPath, 'teacher metadata', READ_LIMITS.metadata),
  );
  if (!parsed.success) {
    throw new ArtifactError(
      `invalid ${metaPath}`,
      parsed.error.issues.map(
        (i): Issue => ({
          path: i.path.join('.'),
          file: metaPath,
          message: i.message,
          fix: 're-run train-teacher',
        }),
      ),
    );
  }
  const modelPath = join(dir, TEACHER_FILES.model);
  // The bytes checked are the bytes parsed (bounded: a FIFO, a device or an oversized file is refused).
  const what = { what: 'teacher model', fix: 're-run train-teacher' };
  const bytes = readFileBounded(modelPath, { ...what, maxBytes: READ_LIMITS.model });
  const actual = sha256(bytes);
  if (actual !== parsed.data.model_sha256) {
    throw new ArtifactError(`checksum mismatch for ${modelPath}`, [
      {
        path: modelPath,
        message: `sha256 ${actual.slice(0, 12)}… does not match metadata.model_sha256 ${parsed.data.model_sha256.slice(0, 12)}…`,
        fix: 'the model file was modified or truncated: re-run train-teacher',
      },
    ]);
  }
  const saved = parseJsonBytes(bytes, modelPath, what) as SavedModel;
  let model: Classifier;
  try {
    model = loadClassifier(saved);
  } catch (e) {
    if (e instanceof SenseQuantError) throw e;
    throw new ArtifactError(`invalid teacher model ${modelPath}`, [
      { path: modelPath, message: e instanceof Error ? e.message : String(e), fix: 're-run train-teacher' },
    ]);
  }
  const labels = readColumnsCsv(join(dir, TEACHER_FILES.labels), ['datetime', 'symbol', 'split', 'label']);
  const need = [
    'ts',
    'symbol',
    'split',
    'label_id',
    'forward_return',
    ...parsed.data.teacher_params.features,
    ...CLASSES.map((c) => `p_${c}`),
  ];
  const absent = need.filter((c) => !labels.names.includes(c));
  if (absent.length > 0) {
    throw new ArtifactError(
      `labels table ${join(dir, TEACHER_FILES.labels)} lacks columns`,
      absent.map((c) => ({ path: c, message: 'missing column', fix: 're-run train-teacher' })),
    );
  }
  return { dir, metadata: parsed.data, saved, model, labels };
}
