import { join } from 'node:path';
import { ConfigError } from '../../core/index.js';
import { ingest } from '../../data/index.js';
import { computeFeatures } from '../../features/index.js';
import { PATHS, RUN_LOG_FILE, VALIDATION_FILES, withStageRecord } from '../../pipeline/index.js';
import { studentStage, validateStage } from '../../stages/index.js';
import { readTeacherDir } from '../../training/index.js';
import { dateFlag, print } from '../args.js';
import { defaultStudentDir } from '../dvc-outputs.js';
import { EXIT } from '../exit-codes.js';
import { flagContext } from '../flag-context.js';
import type { FlagValues } from '../flag-spec.js';
import { STUDENT_FLAGS } from './student-flags.js';
import type { Command } from './types.js';

/** `train-student`: distils a student from a teacher directory (and with --validate, validates it). */
export const trainStudentCommand: Command = {
  async run(flags) {
    const values = flags.values as FlagValues<typeof STUDENT_FLAGS>;
    const ctx = flagContext(STUDENT_FLAGS, values);
    if (values.incremental && !values['baseline-student']) {
      throw new ConfigError('--incremental needs --baseline-student <student_model.json>', [
        { path: '--baseline-student', message: 'missing', fix: 'pass --baseline-student FILE' },
      ]);
    }
    const teacherDir = values['teacher-dir'] ?? PATHS.teacher;
    const teacher = readTeacherDir(teacherDir);
    const testSize = values['test-size'];
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
    const validate = values.validate || values['generate-checklist'];
    // Bars for the validation are read before training, so a wrong --validation-symbols fails fast.
    const series = validate ? ingest(ctx.params).series : [];
    const have = new Set(series.map((b) => b.symbol));
    const unknown = (values['validation-symbols'] ?? []).filter((s) => !have.has(s));
    if (validate && unknown.length > 0) {
      throw new ConfigError(
        '--validation-symbols: not in the data',
        unknown.map((s) => ({
          path: '--validation-symbols',
          value: s,
          message: 'no bars for this symbol',
          fix: `use some of ${[...have].slice(0, 8).join(', ')}${have.size > 8 ? ', …' : ''}`,
        })),
      );
    }
    const outDir = values['output-dir'] ?? defaultStudentDir(teacherDir, ctx.configHash);
    const runLog = join(outDir, '..', RUN_LOG_FILE);
    await withStageRecord(
      runLog,
      { stage: 'student_training', configHash: ctx.configHash, artifacts: [outDir] },
      () =>
        studentStage(
          ctx,
          { teacherDir, outDir },
          {
            tune: values['hyperparameter-tuning'] || ctx.params.student.tuning.enabled,
            baselineStudent: values.incremental ? values['baseline-student'] : undefined,
          },
        ),
    );
    print(`student artifacts: ${outDir}`);
    if (!validate) return 0;
    const tz = ctx.params.base.exchange_tz;
    const result = await withStageRecord(
      runLog,
      {
        stage: 'validation',
        configHash: ctx.configHash,
        artifacts: [join(outDir, VALIDATION_FILES.results)],
      },
      () =>
        validateStage(ctx, series, computeFeatures(ctx.params, series), {
          studentDir: outDir,
          outDir,
          symbols: values['validation-symbols'],
          startMs: dateFlag(values['validation-start'], tz),
          endMs: dateFlag(values['validation-end'], tz, true),
          baselineModel: values['baseline-model'],
        }),
    );
    print(
      `${result.recommendation}: ${result.reason}\nchecklist: ${join(outDir, VALIDATION_FILES.checklistMd)}`,
    );
    return result.recommendation === 'PROMOTE' ? 0 : EXIT.REJECTED;
  },
};
