import { join } from 'node:path';
import type { Params } from '../config/index.js';
import { ArtifactError, ConfigError } from '../core/index.js';
import { type BarSeries, localDate, parseTimestamp } from '../data/index.js';
import type { FeatureTable } from '../features/index.js';
import { CLASSES, labelForwardReturns } from '../labels/index.js';
import { readStudentDir, type StudentDir } from '../training/index.js';
import { type LabelParams, modelLabelParams } from './model-label-params.js';
import { scorerPolicy, smaPolicy } from './policy.js';
import { runValidation, type ValidationOutcome } from './run-validation.js';

/** Options of a validation run beyond params. */
export interface ValidateOptions {
  studentDir: string;
  symbols?: string[];
  startMs?: number;
  endMs?: number;
  /** A student dir to compare against; null = the SMA 20/50 rule; undefined = params. */
  baselineModel?: string | null;
  /** Flag names to blame in messages when the window came from the command line. */
  startFlag?: string;
}

/** What the validation core returns; `writeValidation` persists it. */
export interface CandidateValidation {
  outcome: ValidationOutcome;
  candidate: StudentDir;
  baseline: StudentDir | null;
  labels: LabelParams;
  /** Where params.yaml disagrees with the model (the model's values were used). */
  notes: string[];
  forwardReturns: Map<string, Float64Array>;
  costs: { commissionBps: number; slippageBps: number };
}

function assertClasses(s: StudentDir): void {
  const classes = s.scorer.classes;
  if (classes.length !== CLASSES.length || classes.some((c, i) => c !== CLASSES[i])) {
    throw new ArtifactError(`the scorer in ${s.dir} has classes this validation cannot score`, [
      {
        path: join(s.dir, 'scorer.json:classes'),
        value: classes,
        message: `expected ${CLASSES.join(', ')}`,
        fix: 're-run train-student',
      },
    ]);
  }
}

function selectSymbols(bars: BarSeries[], tables: FeatureTable[], symbols: string[]) {
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
  const keep = symbols.length > 0 ? new Set(symbols) : null;
  const selBars = keep ? bars.filter((b) => keep.has(b.symbol)) : bars;
  const byTable = new Map(tables.map((t) => [t.symbol, t]));
  return { selBars, selTables: selBars.map((b) => byTable.get(b.symbol) as FeatureTable) };
}

function validationWindow(params: Params, candidate: StudentDir, opts: ValidateOptions): [number, number] {
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
        path: opts.startMs !== undefined ? (opts.startFlag ?? '--validation-start') : 'validation.start',
        value: localDate(startMs, tz),
        message: `starts before the model's out-of-sample period (${localDate(testStart, tz)})`,
        fix: `start the validation on or after ${localDate(testStart, tz)}, or retrain on an earlier window`,
      },
    ]);
  }
  return [startMs, endMs];
}

/**
 * Stage core of `validate` (shared by `dvc repro`, `train-student --validate` and the batch): the
 * candidate's compiled scorer — the code the live engine serves — against the baseline on out-of-sample
 * bars, with the label definition recorded in the model. Writes nothing.
 */
export function validateCandidate(
  params: Params,
  bars: BarSeries[],
  tables: FeatureTable[],
  opts: ValidateOptions,
): CandidateValidation {
  const candidate = readStudentDir(opts.studentDir);
  assertClasses(candidate);
  const symbols = opts.symbols && opts.symbols.length > 0 ? opts.symbols : params.validation.symbols;
  const { selBars, selTables } = selectSymbols(bars, tables, symbols);
  const [startMs, endMs] = validationWindow(params, candidate, opts);
  const { labels, notes } = modelLabelParams(candidate, params);
  const policyOpts = {
    threshold: params.strategy.confidence_threshold,
    allowShort: params.strategy.allow_short,
  };
  const baselinePath =
    opts.baselineModel === undefined ? params.validation.baseline_model : opts.baselineModel;
  const baseline = baselinePath ? readStudentDir(baselinePath) : null;
  if (baseline) assertClasses(baseline);
  const costs = { commissionBps: params.strategy.commission_bps, slippageBps: params.strategy.slippage_bps };
  const outcome = runValidation(
    scorerPolicy(candidate.scorer, candidate.saved.className, candidate.version, policyOpts),
    baseline
      ? scorerPolicy(baseline.scorer, baseline.saved.className, baseline.version, policyOpts)
      : smaPolicy(policyOpts),
    {
      bars: selBars,
      tables: selTables,
      startMs,
      endMs,
      frequency: params.data.frequency,
      costs,
      horizon: labels.horizon,
      minHoldingReturn: labels.minHoldingReturn,
      bootstrapSamples: params.validation.bootstrap_samples,
      seed: params.base.seed,
      trials: Number(candidate.metadata.n_configurations_tried ?? 1),
    },
  );
  const forwardReturns = new Map(
    selBars.map((b) => [
      b.symbol,
      labelForwardReturns(b, { horizon: labels.horizon, minHoldingReturn: labels.minHoldingReturn })
        .forwardReturn,
    ]),
  );
  return { outcome, candidate, baseline, labels, notes, forwardReturns, costs };
}
