import { join } from 'node:path';
import { ConfigError } from '../../core/index.js';
import { withStageRecord } from '../../pipeline/index.js';
import { PATHS, runStudent, stageContext } from '../../stages/index.js';
import { readTeacherDir } from '../../training/index.js';
import { numberFlag, parseFlags, print } from '../args.js';
import type { Command } from './types.js';

const USAGE =
  'sensequant train-student --teacher-dir DIR [--output-dir DIR] [--model-type logistic|mlp] [--hyperparameter-tuning] ' +
  '[--cv-folds N] [--test-size X] [--incremental --baseline-student FILE] [--params FILE]';

export const STUDENT_FLAGS = {
  'teacher-dir': { type: 'string' },
  'output-dir': { type: 'string' },
  'model-type': { type: 'string' },
  'hyperparameter-tuning': { type: 'boolean', default: false },
  'cv-folds': { type: 'string' },
  'test-size': { type: 'string' },
  incremental: { type: 'boolean', default: false },
  'baseline-student': { type: 'string' },
  params: { type: 'string', default: PATHS.params },
} as const;

/** `train-student`: distils a student from a teacher directory. */
export const trainStudentCommand: Command = {
  summary: 'distil a calibrated student from a teacher directory (flags override params.yaml)',
  async run(argv) {
    const { values } = parseFlags(argv, STUDENT_FLAGS, USAGE);
    const teacherDir = (values['teacher-dir'] as string | undefined) ?? PATHS.teacher;
    const testSize = numberFlag('test-size', values['test-size'] as string | undefined);
    const ctx = stageContext(values.params as string, {
      student: {
        ...(values['model-type'] ? { model_type: values['model-type'] } : {}),
        ...(values['cv-folds'] !== undefined ? { cv_folds: numberFlag('cv-folds', values['cv-folds'] as string) } : {}),
      },
      ...(testSize !== undefined ? { split: { test_size: testSize } } : {}),
    });
    if (values.incremental && !values['baseline-student']) {
      throw new ConfigError('--incremental needs --baseline-student <student_model.json>', [{ path: '--baseline-student', message: 'missing', fix: USAGE }]);
    }
    const teacher = readTeacherDir(teacherDir);
    const teacherTest = (teacher.metadata as { split?: { test_size?: number } }).split?.test_size;
    if (testSize !== undefined && teacherTest !== undefined && testSize !== teacherTest) {
      // The student must use the teacher's time split: a different test window would either evaluate on
      // rows the teacher learnt from or train on soft labels that saw the test period.
      throw new ConfigError('--test-size differs from the teacher run', [
        { path: '--test-size', value: testSize, message: `the teacher split its data with test_size ${teacherTest}`, fix: `omit --test-size, or retrain the teacher with split.test_size: ${testSize}` },
      ]);
    }
    const outDir = (values['output-dir'] as string | undefined) ?? join(teacherDir, '..', 'student');
    await withStageRecord(join(outDir, '..', 'training_pipeline.json'), { stage: 'student_training', configHash: ctx.configHash, artifacts: [outDir] }, () =>
      runStudent(ctx, {
        teacherDir,
        outDir,
        tune: (values['hyperparameter-tuning'] as boolean) || ctx.params.student.tuning.enabled,
        baselineStudent: values.incremental ? (values['baseline-student'] as string) : undefined,
      }),
    );
    print(`student artifacts: ${outDir}`);
    return 0;
  },
};
