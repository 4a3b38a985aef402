import { readFileSync } from 'node:fs';
import type { Params } from '../config/index.js';
import { ArtifactError } from '../core/index.js';
import { type Classifier, loadClassifier, type SavedModel } from '../models/index.js';
import { distilStudent, type StudentRun } from './student.js';
import type { TeacherDir } from './teacher-dir.js';

/** Options of a student run beyond params. */
export interface StudentRunOptions {
  tune?: boolean;
  /** Earlier student_model.json to warm-start from (--incremental --baseline-student). */
  baselineStudent?: string;
}

function loadStudentJson(path: string): Classifier {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ArtifactError(`cannot read baseline student ${path}`, [
      {
        path,
        message: e instanceof Error ? e.message : String(e),
        fix: 'pass a student_model.json written by train-student',
      },
    ]);
  }
  return loadClassifier(json as SavedModel);
}

/**
 * Stage core of `student` (shared by `dvc repro`, `train-student` and the batch): distil a verified
 * teacher directory into a calibrated student. Writes nothing; `writeStudentArtifacts` persists it.
 */
export function runStudent(
  params: Params,
  teacher: TeacherDir,
  opts: StudentRunOptions = {},
): Promise<StudentRun> {
  const init = opts.baselineStudent ? loadStudentJson(opts.baselineStudent) : undefined;
  return distilStudent(params, teacher, { tune: opts.tune ?? params.student.tuning.enabled, init });
}
