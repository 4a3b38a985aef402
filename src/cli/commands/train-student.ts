import { join } from 'node:path';
import { ConfigError } from '../../core/index.js';
import { ingest } from '../../data/index.js';
import { computeFeatures } from '../../features/index.js';
import { PATHS, RUN_LOG_FILE, VALIDATION_FILES, withStageRecord } from '../../pipeline/index.js';
import { stageContext, studentStage, validateStage } from '../../stages/index.js';
import { readTeacherDir } from '../../training/index.js';
import { dateFlag, foldListFlags, listValue, numberFlag, parseFlags, print } from '../args.js';
import { EXIT } from '../exit-codes.js';
import type { Command } from './types.js';

const USAGE =
  'sensequant train-student --teacher-dir DIR [--output-dir DIR] [--model-type logistic|mlp] [--hyperparameter-tuning] ' +
  '[--cv-folds N] [--test-size X] [--incremental --baseline-student FILE] [--params FILE] ' +
  '[--validate [--validation-symbols A B ...] [--validation-start D] [--validation-end D] [--baseline-model DIR] [--generate-checklist] ' +
  '[--min-precision-uplift X] [--min-hit-ratio-uplift X] [--min-sharpe-uplift X] [--require-all-criteria true|false] [--confidence-threshold X]]';

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
  validate: { type: 'boolean', default: false },
  'validation-symbols': { type: 'string' },
  'validation-start': { type: 'string' },
  'validation-end': { type: 'string' },
  'baseline-model': { type: 'string' },
  'generate-checklist': { type: 'boolean', default: false },
  'min-precision-uplift': { type: 'string' },
  'min-hit-ratio-uplift': { type: 'string' },
  'min-sharpe-uplift': { type: 'string' },
  'require-all-criteria': { type: 'string' },
  'confidence-threshold': { type: 'string' },
} as const;

/** `train-student`: distils a student from a teacher directory. */
export const trainStudentCommand: Command = {
  async run(argv) {
    const { values } = parseFlags(foldListFlags(argv, ['validation-symbols']), STUDENT_FLAGS, USAGE);
    const flagNum = (k: keyof typeof STUDENT_FLAGS) => numberFlag(k, values[k] as string | undefined);
    const requireAll = values['require-all-criteria'] as string | undefined;
    if (requireAll !== undefined && requireAll !== 'true' && requireAll !== 'false') {
      throw new ConfigError('--require-all-criteria takes true or false', [
        {
          path: '--require-all-criteria',
          value: requireAll,
          message: 'not a boolean',
          fix: '--require-all-criteria false',
        },
      ]);
    }
    const thresholds = {
      ...(values['min-precision-uplift'] !== undefined
        ? { min_precision_uplift: flagNum('min-precision-uplift') }
        : {}),
      ...(values['min-hit-ratio-uplift'] !== undefined
        ? { min_hit_ratio_uplift: flagNum('min-hit-ratio-uplift') }
        : {}),
      ...(values['min-sharpe-uplift'] !== undefined
        ? { min_sharpe_uplift: flagNum('min-sharpe-uplift') }
        : {}),
      ...(requireAll !== undefined ? { require_all_criteria: requireAll === 'true' } : {}),
    };
    const teacherDir = (values['teacher-dir'] as string | undefined) ?? PATHS.teacher;
    const testSize = numberFlag('test-size', values['test-size'] as string | undefined);
    const ctx = stageContext(values.params as string, {
      student: {
        ...(values['model-type'] ? { model_type: values['model-type'] } : {}),
        ...(values['cv-folds'] !== undefined
          ? { cv_folds: numberFlag('cv-folds', values['cv-folds'] as string) }
          : {}),
      },
      ...(testSize !== undefined ? { split: { test_size: testSize } } : {}),
      validation: { thresholds },
      ...(values['confidence-threshold'] !== undefined
        ? { strategy: { confidence_threshold: flagNum('confidence-threshold') } }
        : {}),
    });
    if (values.incremental && !values['baseline-student']) {
      throw new ConfigError('--incremental needs --baseline-student <student_model.json>', [
        { path: '--baseline-student', message: 'missing', fix: USAGE },
      ]);
    }
    const teacher = readTeacherDir(teacherDir);
    const teacherTest = (teacher.metadata as { split?: { test_size?: number } }).split?.test_size;
    if (testSize !== undefined && teacherTest !== undefined && testSize !== teacherTest) {
      // The student must use the teacher's time split: a different test window would either evaluate on
      // rows the teacher learnt from or train on soft labels that saw the test period.
      throw new ConfigError('--test-size differs from the teacher run', [
        {
          path: '--test-size',
          value: testSize,
          message: `the teacher split its data with test_size ${teacherTest}`,
          fix: `omit --test-size, or retrain the teacher with split.test_size: ${testSize}`,
        },
      ]);
    }
    const outDir = (values['output-dir'] as string | undefined) ?? join(teacherDir, '..', 'student');
    await withStageRecord(
      join(outDir, '..', RUN_LOG_FILE),
      { stage: 'student_training', configHash: ctx.configHash, artifacts: [outDir] },
      () =>
        studentStage(
          ctx,
          { teacherDir, outDir },
          {
            tune: (values['hyperparameter-tuning'] as boolean) || ctx.params.student.tuning.enabled,
            baselineStudent: values.incremental ? (values['baseline-student'] as string) : undefined,
          },
        ),
    );
    print(`student artifacts: ${outDir}`);
    if (!values.validate) return 0;
    const tz = ctx.params.base.exchange_tz;
    const result = await withStageRecord(
      join(outDir, '..', RUN_LOG_FILE),
      {
        stage: 'validation',
        configHash: ctx.configHash,
        artifacts: [join(outDir, VALIDATION_FILES.results)],
      },
      () => {
        const { series } = ingest(ctx.params);
        return validateStage(ctx, series, computeFeatures(ctx.params, series), {
          studentDir: outDir,
          outDir,
          symbols: listValue(values['validation-symbols'] as string | undefined),
          startMs: dateFlag('validation-start', values['validation-start'] as string | undefined, tz),
          endMs: dateFlag('validation-end', values['validation-end'] as string | undefined, tz, true),
          baselineModel: (values['baseline-model'] as string | undefined) ?? undefined,
        });
      },
    );
    print(
      `${result.recommendation}: ${result.reason}\nchecklist: ${join(outDir, VALIDATION_FILES.checklistMd)}`,
    );
    return result.recommendation === 'PROMOTE' ? 0 : EXIT.REJECTED;
  },
};
