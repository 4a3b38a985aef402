import { join } from 'node:path';
import { loadParams, mergeOverrides } from '../../config/index.js';
import { ConfigError, logger } from '../../core/index.js';
import { ingest } from '../../data/index.js';
import { computeFeatures } from '../../features/index.js';
import { PATHS, writeJsonAtomic } from '../../pipeline/index.js';
import { DEFAULT_REGISTRY_ROOT, promote } from '../../registry/index.js';
import { studentStage, teacherStage, validateStage } from '../../stages/index.js';
import { print } from '../args.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import { flagOverrides } from '../flag-overrides.js';
import type { FlagValues } from '../flag-spec.js';
import { PRODUCTION_FLAGS } from './production-flags.js';
import type { Command } from './types.js';

type Values = FlagValues<typeof PRODUCTION_FLAGS>;

/** What `--output-json` records. */
interface ProductionResult {
  status: 'promoted' | 'dry_run' | 'validation_failed' | 'training_failed' | 'config_error';
  exit_code: number;
  config_hash: string | null;
  student_dir: string | null;
  accuracy: number | null;
  min_accuracy: number;
  recommendation: 'PROMOTE' | 'REJECT' | null;
  reasons: string[];
  forced: boolean;
  dry_run: boolean;
  version: string | null;
  error: string | null;
  seconds: number;
}

function minAccuracy(v: number | undefined): number {
  const x = v ?? 0.6;
  if (!(x >= 0 && x <= 1))
    throw new ConfigError('invalid --min-accuracy', [
      {
        path: '--min-accuracy',
        value: x,
        message: 'must be between 0 and 1',
        fix: 'e.g. --min-accuracy 0.55',
      },
    ]);
  return x;
}

async function train(values: Values, r: ProductionResult): Promise<number> {
  const { overrides, sources } = flagOverrides(PRODUCTION_FLAGS, values);
  if (values.optimize) {
    overrides.student = mergeOverrides(overrides.student ?? {}, { tuning: { enabled: true } });
    sources['student.tuning.enabled'] = '--optimize';
  }
  const c = { ...loadParams(values.params ?? 'params.yaml', overrides, sources), root: process.cwd() };
  r.config_hash = c.configHash;
  const out = values['output-dir'] ?? join(PATHS.runs, c.configHash, 'production');
  const teacherDir = join(out, 'teacher');
  const studentDir = join(out, 'student');
  r.student_dir = studentDir;
  const { series } = ingest(c.params);
  const tables = computeFeatures(c.params, series);
  await teacherStage(c, series, tables, { outDir: teacherDir });
  const run = await studentStage(c, { teacherDir, outDir: studentDir });
  r.accuracy = run.evaluation.report.test_metrics.accuracy;
  const v = await validateStage(c, series, tables, { studentDir, outDir: studentDir });
  r.recommendation = v.recommendation;
  if (r.accuracy < r.min_accuracy)
    r.reasons.push(`test accuracy ${r.accuracy.toFixed(4)} < --min-accuracy ${r.min_accuracy}`);
  if (v.recommendation !== 'PROMOTE') r.reasons.push(`checklist: REJECT (${v.reason})`);
  if (r.reasons.length > 0 && !values.force) {
    r.status = 'validation_failed';
    return EXIT.REJECTED;
  }
  r.forced = r.reasons.length > 0;
  const p = promote(studentDir, {
    sourceDir: studentDir,
    root: values.root ?? DEFAULT_REGISTRY_ROOT,
    dryRun: values['dry-run'],
    force: v.recommendation !== 'PROMOTE' && values.force,
    reason: values.reason ?? 'train-production --force',
  });
  r.version = p.to;
  r.status = values['dry-run'] ? 'dry_run' : 'promoted';
  return EXIT.OK;
}

/**
 * `train-production`: one-shot production training — data, teacher, student (tuned with --optimize),
 * validation, and promotion when the student reaches --min-accuracy and its checklist says PROMOTE (or
 * with --force). Exit 0 promoted (or dry run passed), 1 training failed, 2 validation failed, 3 configuration.
 */
export const trainProductionCommand: Command = {
  async run(flags) {
    const values = flags.values as Values;
    const t0 = performance.now();
    const r: ProductionResult = {
      status: 'training_failed',
      exit_code: EXIT.FAILURE,
      config_hash: null,
      student_dir: null,
      accuracy: null,
      min_accuracy: 0.6,
      recommendation: null,
      reasons: [],
      forced: false,
      dry_run: values['dry-run'],
      version: null,
      error: null,
      seconds: 0,
    };
    const finish = () => {
      r.seconds = Math.round((performance.now() - t0) / 10) / 100;
      if (values['output-json']) writeJsonAtomic(values['output-json'], r);
    };
    try {
      r.min_accuracy = minAccuracy(values['min-accuracy']);
      r.exit_code = await train(values, r);
    } catch (e) {
      r.exit_code = exitCodeFor(e);
      r.status =
        r.exit_code === EXIT.CONFIG
          ? 'config_error'
          : r.exit_code === EXIT.REJECTED
            ? 'validation_failed'
            : 'training_failed';
      r.error = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      finish();
      throw e;
    }
    finish();
    if (r.status === 'validation_failed')
      logger.warn('train-production: not promoted', { reasons: r.reasons });
    print(
      `${r.status}: accuracy ${r.accuracy?.toFixed(4)} (min ${r.min_accuracy}), checklist ${r.recommendation}` +
        `${r.version ? `, version ${r.version}` : ''}${r.forced ? ' (forced)' : ''}\nstudent: ${r.student_dir}`,
    );
    return r.exit_code;
  },
};
