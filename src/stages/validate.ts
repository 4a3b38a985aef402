import { join, resolve } from 'node:path';
import { ConfigError, logger } from '../core/index.js';
import { type BarSeries, localDate, parseTimestamp } from '../data/index.js';
import type { FeatureTable } from '../features/index.js';
import { labelForwardReturns } from '../labels/index.js';
import { artifactTimestamp, stageProvenance, writeJsonAtomic } from '../pipeline/index.js';
import { DEFAULT_REGISTRY_ROOT } from '../registry/index.js';
import { readStudentDir, STUDENT_FILES } from '../training/index.js';
import { modelPolicy, runValidation, smaPolicy, writeValidationArtifacts } from '../validation/index.js';
import type { StageContext } from './context.js';
import { readFeatureDir } from './features.js';
import { readRawBars } from './ingest.js';
import { PATHS } from './paths.js';

/** Options of a validation run beyond params. */
export interface ValidateRunOptions {
  studentDir: string;
  outDir: string;
  symbols?: string[];
  startMs?: number;
  endMs?: number;
  baselineModel?: string | null;
}

/** Result of a validation run. */
export interface ValidateRunResult {
  recommendation: 'PROMOTE' | 'REJECT';
  reason: string;
  outDir: string;
}

/** Core shared by the DVC stage and `train-student --validate`: OOS backtest vs baseline → checklist. */
export function runValidate(
  ctx: StageContext,
  bars: BarSeries[],
  tables: FeatureTable[],
  opts: ValidateRunOptions,
): ValidateRunResult {
  const { params } = ctx;
  const candidate = readStudentDir(opts.studentDir);
  const symbols = opts.symbols && opts.symbols.length > 0 ? opts.symbols : params.validation.symbols;
  const keep = symbols.length > 0 ? new Set(symbols) : null;
  const have = new Set(bars.map((b) => b.symbol));
  const unknown = symbols.filter((s) => !have.has(s));
  if (unknown.length > 0) {
    throw new ConfigError(
      'validation symbols not in the data',
      unknown.map((s) => ({
        path: 'validation.symbols',
        value: s,
        message: 'no bars for this symbol',
        fix: `use some of ${[...have].slice(0, 8).join(', ')}…`,
      })),
    );
  }
  const selBars = keep ? bars.filter((b) => keep.has(b.symbol)) : bars;
  const byTable = new Map(tables.map((t) => [t.symbol, t]));
  const selTables = selBars.map((b) => byTable.get(b.symbol) as FeatureTable);
  const testStart = candidate.metadata.data?.test_start
    ? Date.parse(candidate.metadata.data.test_start)
    : Number.NaN;
  const tz = params.base.exchange_tz;
  const startMs =
    opts.startMs ?? (params.validation.start ? parseTimestamp(params.validation.start, tz) : testStart);
  const endMs =
    opts.endMs ??
    (params.validation.end
      ? parseTimestamp(params.validation.end, tz) + 86_400_000 - 1
      : Number.POSITIVE_INFINITY);
  if (!Number.isFinite(startMs)) {
    throw new ConfigError('no validation start', [
      {
        path: 'validation.start',
        message: 'not set and the student metadata has no test period',
        fix: 'pass --validation-start YYYY-MM-DD',
      },
    ]);
  }
  if (Number.isFinite(testStart) && startMs < testStart) {
    // Scoring a model on bars it (or its teacher) was fitted or early-stopped on is not validation.
    throw new ConfigError('the validation window overlaps the data the model was trained on', [
      {
        path: opts.startMs !== undefined ? '--validation-start' : 'validation.start',
        value: localDate(startMs, tz),
        message: `starts before the model's out-of-sample period (${localDate(testStart, tz)})`,
        fix: `start the validation on or after ${localDate(testStart, tz)}, or retrain on an earlier window`,
      },
    ]);
  }
  const policyOpts = {
    threshold: params.strategy.confidence_threshold,
    allowShort: params.strategy.allow_short,
  };
  const baselinePath =
    opts.baselineModel === undefined ? params.validation.baseline_model : opts.baselineModel;
  const baseline = baselinePath ? readStudentDir(baselinePath) : null;
  const costs = { commissionBps: params.strategy.commission_bps, slippageBps: params.strategy.slippage_bps };
  const outcome = runValidation(
    modelPolicy(candidate.model, candidate.version, policyOpts),
    baseline ? modelPolicy(baseline.model, baseline.version, policyOpts) : smaPolicy(policyOpts),
    {
      bars: selBars,
      tables: selTables,
      startMs,
      endMs,
      frequency: params.data.frequency,
      costs,
      horizon: params.teacher.horizon,
      minHoldingReturn: params.teacher.min_holding_return,
      bootstrapSamples: params.validation.bootstrap_samples,
      seed: params.base.seed,
      trials: Number(candidate.metadata.n_configurations_tried ?? 1),
    },
  );
  const forwardReturns = new Map(
    selBars.map((b) => [
      b.symbol,
      labelForwardReturns(b, {
        horizon: params.teacher.horizon,
        minHoldingReturn: params.teacher.min_holding_return,
      }).forwardReturn,
    ]),
  );
  const res = writeValidationArtifacts(opts.outDir, outcome, params.validation.thresholds, {
    timestamp: artifactTimestamp(Date.parse(outcome.window.end)),
    candidateDir: opts.studentDir,
    candidateModel: join(opts.studentDir, STUDENT_FILES.model),
    candidateSha256: candidate.metadata.model_sha256,
    baselineModel: baseline ? join(baseline.dir, STUDENT_FILES.model) : 'rule: SMA(20)/SMA(50) crossover',
    configHash: ctx.configHash,
    registryRoot: DEFAULT_REGISTRY_ROOT,
    tz: params.base.exchange_tz,
    costs,
    forwardReturns,
  });
  // Provenance beside the reports; inside a student dir the name must not clobber the student's own.
  const metaName =
    resolve(opts.outDir) === resolve(opts.studentDir) ? 'validation_metadata.json' : 'metadata.json';
  writeJsonAtomic(join(opts.outDir, metaName), {
    stage: 'validate',
    recommendation: res.recommendation,
    candidate: { dir: opts.studentDir, model_sha256: candidate.metadata.model_sha256 },
    baseline: baseline
      ? { dir: baseline.dir, model_sha256: baseline.metadata.model_sha256 }
      : 'rule:sma_20_50',
    provenance: stageProvenance({
      stage: 'validate',
      configHash: ctx.configHash,
      inputs: [join(opts.studentDir, STUDENT_FILES.model)],
      outputs: res.files,
    }),
  });
  logger.info('validation done', {
    recommendation: res.recommendation,
    reason: res.reason,
    out: opts.outDir,
  });
  return { recommendation: res.recommendation, reason: res.reason, outDir: opts.outDir };
}

/** DVC stage main: student + bars + features → reports/validation (a REJECT still exits 0 here). */
export function validateMain(ctx: StageContext): ValidateRunResult {
  const bars = readRawBars(PATHS.raw, ctx.params.base.exchange_tz);
  const tables = readFeatureDir(PATHS.features);
  return runValidate(ctx, bars, tables, { studentDir: PATHS.student, outDir: PATHS.validation });
}
