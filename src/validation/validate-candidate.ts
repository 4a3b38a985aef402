import { join } from 'node:path';
import type { Params } from '../config/index.js';
import { ArtifactError, ConfigError, logger } from '../core/index.js';
import {
  type BarSeries,
  barsPerYear,
  commonFrequency,
  localDate,
  parseTimestamp,
  sessionCalendar,
} from '../data/index.js';
import type { FeatureTable } from '../features/index.js';
import { CLASSES, labelForwardReturns } from '../labels/index.js';
import { readStudentDir, type StudentDir } from '../training/index.js';
import { type InformationCoefficient, informationCoefficient } from './information-coefficient.js';
import { type LabelParams, modelLabelParams } from './model-label-params.js';
import { type Policy, type PolicyOptions, RULE_BASELINES, rulePolicy, scorerPolicy } from './policy.js';
import { runValidation, type ValidationOutcome } from './run-validation.js';

/** Options of a validation run beyond params. */
export interface ValidateOptions {
  studentDir: string;
  symbols?: string[];
  startMs?: number;
  endMs?: number;
  /**
   * What the criteria compare against: `buy_and_hold`, `sma` or a student dir; null = the SMA 20/50 rule
   * (legacy); undefined = params (validation.baseline_model, else validation.baseline).
   */
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
  /** What the reader must know before trusting the comparison (e.g. a baseline scored in-sample). */
  warnings: string[];
  /** `buy_and_hold`, `sma`, or `model` when the baseline is a student dir. */
  baselineKind: 'buy_and_hold' | 'sma' | 'model';
  forwardReturns: Map<string, Float64Array>;
  /** Rank IC of the candidate's score vs the forward return over the window. */
  ic: InformationCoefficient;
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
  const choice =
    opts.baselineModel === undefined
      ? (params.validation.baseline_model ?? params.validation.baseline)
      : (opts.baselineModel ?? 'sma');
  const rule = (RULE_BASELINES as readonly string[]).includes(choice)
    ? (choice as (typeof RULE_BASELINES)[number])
    : null;
  const baseline = rule === null ? readStudentDir(choice) : null;
  if (baseline) assertClasses(baseline);
  const warnings = baseline ? baselineWarnings(baseline, startMs, tz(params)) : [];
  if (warnings.length > 0) logger.warn('validation: baseline scored in-sample', { warnings });
  const costs = { commissionBps: params.strategy.commission_bps, slippageBps: params.strategy.slippage_bps };
  const frequency =
    commonFrequency(selBars) ?? (params.data.frequency === 'auto' ? '1d' : params.data.frequency);
  const primary: Policy = baseline
    ? scorerPolicy(baseline.scorer, baseline.saved.className, baseline.version, policyOpts)
    : rulePolicy(rule ?? 'buy_and_hold', policyOpts);
  const outcome = runValidation(
    scorerPolicy(candidate.scorer, candidate.saved.className, candidate.version, policyOpts),
    primary,
    {
      bars: selBars,
      tables: selTables,
      startMs,
      endMs,
      frequency,
      barsPerYear: barsPerYear(frequency, sessionCalendar(params)),
      minTrades: params.validation.min_trades,
      costs,
      horizon: labels.horizon,
      minHoldingReturn: labels.minHoldingReturn,
      bootstrapSamples: params.validation.bootstrap_samples,
      seed: params.base.seed,
      trials: Number(candidate.metadata.n_configurations_tried ?? 1),
    },
    otherRules(rule, policyOpts),
  );
  const forwardReturns = new Map(
    selBars.map((b) => [
      b.symbol,
      labelForwardReturns(b, { horizon: labels.horizon, minHoldingReturn: labels.minHoldingReturn })
        .forwardReturn,
    ]),
  );
  return {
    outcome,
    candidate,
    baseline,
    labels,
    notes,
    warnings,
    baselineKind: rule ?? 'model',
    forwardReturns,
    ic: informationCoefficient(outcome.candidate, forwardReturns),
    costs,
  };
}

const tz = (params: Params) => params.base.exchange_tz;

/** The rule baselines reported beside the one the criteria use. */
function otherRules(primary: (typeof RULE_BASELINES)[number] | null, opts: PolicyOptions): Policy[] {
  return RULE_BASELINES.filter((r) => r !== primary).map((r) => rulePolicy(r, opts));
}

/**
 * A model baseline (e.g. production) scored on bars before its own out-of-sample period is judged on data
 * it was trained, early-stopped or calibrated on: its metrics are flattered, so the comparison is flagged.
 */
export function baselineWarnings(
  baseline: Pick<StudentDir, 'dir' | 'metadata'>,
  startMs: number,
  zone: string,
): string[] {
  const t = baseline.metadata.data?.test_start;
  const testStart = t ? Date.parse(t) : Number.NaN;
  if (!Number.isFinite(testStart)) {
    return [`baseline ${baseline.dir} records no test period: it may be scored on its own training data`];
  }
  if (startMs >= testStart) return [];
  return [
    `baseline ${baseline.dir} is evaluated over its own training period: its out-of-sample period starts ${localDate(testStart, zone)}, the validation window ${localDate(startMs, zone)} (its metrics are in-sample and flattered)`,
  ];
}
