import { join } from 'node:path';
import { type Params, settings } from '../config/index.js';
import { CLASSES } from '../labels/index.js';
import { exportScorer } from '../models/index.js';
import {
  artifactTimestamp,
  ensureDir,
  roundDeep,
  sha256File,
  stableStringify,
  STUDENT_FILES,
  stageProvenance,
  TEACHER_FILES,
  writeFileAtomic,
  writeJsonAtomic,
} from '../pipeline/index.js';
import { writeEvaluationArtifacts } from './evaluation-artifacts.js';
import type { StudentRun } from './student.js';
import type { TeacherDir } from './teacher-dir.js';

/** Writes every student artifact into `dir`; metadata links the teacher (dir + model sha256). */
export function writeStudentArtifacts(
  dir: string,
  run: StudentRun,
  teacher: TeacherDir,
  params: Params,
  configHash: string,
  extra: { baselineStudent?: string | null } = {},
): string[] {
  ensureDir(dir);
  const p = (f: string) => join(dir, f);
  const saved = run.model.toJSON();
  writeFileAtomic(p(STUDENT_FILES.model), `${stableStringify(saved)}\n`);
  writeFileAtomic(p(STUDENT_FILES.scorer), `${stableStringify(exportScorer(saved))}\n`);
  const test = run.splits.test;
  const timestamp = artifactTimestamp(test.ts[test.ts.length - 1], settings().sourceDateEpochMs);
  const header = {
    timestamp,
    config_hash: configHash,
    teacher_dir: teacher.dir,
    test_size: params.split.test_size,
    cv_folds: params.student.cv_folds,
    model_type: params.student.model_type,
    hyperparameters: roundDeep(run.options),
  };
  const evalFiles = writeEvaluationArtifacts(
    dir,
    run.evaluation,
    {
      ...header,
      teacher_test_metrics: run.teacherEvaluation.report.test_metrics,
      teacher_calibration_metrics: run.teacherEvaluation.report.calibration_metrics,
    },
    'student',
  );
  const outputs = [p(STUDENT_FILES.model), p(STUDENT_FILES.scorer)];
  if (run.tuning) {
    writeJsonAtomic(p(STUDENT_FILES.tuning), roundDeep(run.tuning));
    outputs.push(p(STUDENT_FILES.tuning));
  }
  writeJsonAtomic(p(STUDENT_FILES.metadata), {
    timestamp,
    teacher_dir: teacher.dir,
    teacher: {
      dir: teacher.dir,
      model_sha256: teacher.metadata.model_sha256,
      config_hash: teacher.metadata.config_hash,
    },
    config_hash: configHash,
    model_type: params.student.model_type,
    model_class: saved.className,
    model_sha256: sha256File(p(STUDENT_FILES.model)),
    scorer_sha256: sha256File(p(STUDENT_FILES.scorer)),
    feature_names: run.model.featureNames,
    classes: run.model.classes ?? CLASSES,
    label_horizon: teacher.metadata.teacher_params.horizon,
    // The label definition the model learnt; validation and the engine read it from here, not params.yaml.
    labels: {
      horizon: teacher.metadata.teacher_params.horizon,
      min_holding_return: teacher.metadata.teacher_params.min_holding_return,
    },
    distillation: {
      alpha: run.options.alpha,
      temperature: run.options.temperature,
      soft_labels: 'teacher out-of-fold probabilities on train rows',
    },
    calibration: {
      method: 'temperature scaling on the validation split',
      temperature: roundDeep(run.model.calibrationTemperature),
    },
    training: run.model.training ?? null,
    tuning: run.tuning
      ? {
          method: run.tuning.method,
          n_configurations: run.tuning.n_configurations,
          best: roundDeep(run.tuning.best),
        }
      : null,
    n_configurations_tried: run.tuning?.n_configurations ?? 1,
    data: {
      test_start: new Date(test.ts[0]).toISOString(),
      test_end: new Date(test.ts[test.ts.length - 1]).toISOString(),
      symbols: [...new Set(test.symbol)].sort(),
    },
    baseline_student: extra.baselineStudent ?? null,
    provenance: stageProvenance({
      stage: 'student',
      configHash,
      inputs: [join(teacher.dir, TEACHER_FILES.model), join(teacher.dir, TEACHER_FILES.labels)],
      outputs: [...outputs, ...evalFiles],
    }),
  });
  return [...outputs, ...evalFiles, p(STUDENT_FILES.metadata)];
}
