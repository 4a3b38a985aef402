import type { Params } from '../config/index.js';
import { ArtifactError, SenseQuantError } from '../core/index.js';
import { type Classifier, loadClassifier, type SavedModel } from '../models/index.js';
import { READ_LIMITS, readJsonBounded } from '../pipeline/index.js';
import { distilStudent, type StudentRun } from './student.js';
import type { TeacherDir } from './teacher-dir.js';

/** Options of a student run beyond params. */
export interface StudentRunOptions {
  tune?: boolean;
  /** Earlier student_model.json to warm-start from (--incremental --baseline-student). */
  baselineStudent?: string;
}

function loadStudentJson(path: string): Classifier {
  const fix = 'pass a student_model.json written by train-student';
  const json = readJsonBounded(path, { maxBytes: READ_LIMITS.model, what: 'baseline student', fix });
  try {
    return loadClassifier(json as SavedModel);
  } catch (e) {
    if (e instanceof SenseQuantError) throw e;
    throw new ArtifactError(`invalid baseline student ${path}`, [
      { path, file: path, message: e instanceof Error ? e.message : String(e), fix },
    ]);
  }
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
