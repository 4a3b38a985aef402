import { logger } from '../core/index.js';
import { type BarSeries, readRawBars } from '../data/index.js';
import { type FeatureTable, readFeatureDir } from '../features/index.js';
import { PATHS, prepareOutputDir } from '../pipeline/index.js';
import {
  type ValidateOptions,
  type ValidationSummary,
  validateCandidate,
  writeValidation,
} from '../validation/index.js';
import type { StageContext } from './context.js';

/** Where the validate stage reads and writes (the DVC layout by default). */
export interface ValidateIO {
  rawDir: string;
  featuresDir: string;
  studentDir: string;
  outDir: string;
}

/** Validation core + writer on in-memory bars and features. A REJECT is a result, not an error. */
export function validateStage(
  ctx: StageContext,
  bars: BarSeries[],
  tables: FeatureTable[],
  opts: ValidateOptions & { outDir: string },
): ValidationSummary {
  prepareOutputDir(opts.outDir);
  const v = validateCandidate(ctx.params, bars, tables, opts);
  const res = writeValidation(opts.outDir, v, ctx.params, ctx.configHash);
  if (v.notes.length > 0)
    logger.warn('params.yaml differs from the model; the model’s values were used', { notes: v.notes });
  logger.info('validation done', {
    recommendation: res.recommendation,
    reason: res.reason,
    out: opts.outDir,
  });
  return res;
}

/** Stage main: student dir + raw bars + features → validation reports (exits 0 on REJECT). */
export function validateMain(
  ctx: StageContext,
  io: ValidateIO = {
    rawDir: PATHS.raw,
    featuresDir: PATHS.features,
    studentDir: PATHS.student,
    outDir: PATHS.validation,
  },
): ValidationSummary {
  const bars = readRawBars(io.rawDir, ctx.params.base.exchange_tz);
  const tables = readFeatureDir(io.featuresDir);
  return validateStage(ctx, bars, tables, { studentDir: io.studentDir, outDir: io.outDir });
}
