import { join } from 'node:path';
import type { SignalSummary } from '../eval/index.js';
import type { ValidationOutcome } from '../validation/index.js';
import { READ_LIMITS, readJsonBounded, readTextBounded, VALIDATION_FILES } from '../pipeline/index.js';

/** One criterion of the promotion checklist. */
export interface ChecklistCriterion {
  key: string;
  label: string;
  comparator: string;
  threshold: number;
  value: number | null;
  pass: boolean;
  core?: boolean;
}

/** The fields of promotion_checklist.json the reports use. */
export interface ChecklistJson {
  recommendation: 'PROMOTE' | 'REJECT';
  reason: string;
  candidate_model: string;
  candidate_model_sha256: string;
  baseline_model: string;
  config_hash: string;
  validation_period: { start: string; end: string; symbols: string[] };
  criteria: ChecklistCriterion[];
  candidate_metrics: Record<string, number>;
  baseline_metrics: Record<string, number>;
  /** Every baseline that ran, by version (absent when only the criteria's baseline ran). */
  baselines?: Record<string, Record<string, number | string>>;
  significance: ValidationOutcome['significance'];
  deltas: Record<string, number>;
}

/** Per-symbol metrics of one policy (validation_per_symbol.json). */
export interface SymbolMetrics {
  sharpe: number;
  totalReturn: number;
  maxDrawdown: number;
  numTrades: number;
  hitRatio: number;
  accuracy: { precision_long: number; accuracy: number };
}

/** What the validate stage wrote, read back for the promotion report. */
export interface ValidationReport {
  dir: string;
  checklist: ChecklistJson;
  checklistMarkdown: string;
  results: { signal?: SignalSummary; window: { start: string; end: string; bars: number; symbols: number } };
  perSymbol: { candidate: Record<string, SymbolMetrics>; baseline: Record<string, SymbolMetrics> };
}

/** Reads the validation outputs (checklist md + json, results, per-symbol metrics) of a directory. */
export function readValidationReport(dir: string): ValidationReport {
  const json = (f: string, maxBytes = READ_LIMITS.metadata) =>
    readJsonBounded(join(dir, f), { maxBytes, what: 'validation report', fix: 're-run the validate stage' });
  return {
    dir,
    checklist: json(VALIDATION_FILES.checklistJson) as ChecklistJson,
    checklistMarkdown: readTextBounded(join(dir, VALIDATION_FILES.checklistMd), {
      maxBytes: READ_LIMITS.metadata,
      what: 'promotion checklist',
      fix: 're-run the validate stage',
    }),
    results: json(VALIDATION_FILES.results) as ValidationReport['results'],
    perSymbol: json(VALIDATION_FILES.perSymbol) as ValidationReport['perSymbol'],
  };
}

/** The checklist's criteria as table rows. */
export function criteriaRows(r: ValidationReport): Record<string, unknown>[] {
  return r.checklist.criteria.map((c) => ({
    criterion: c.label,
    value: c.value,
    rule: `${c.comparator} ${c.threshold}`,
    result: c.pass ? 'pass' : 'FAIL',
  }));
}

/** Candidate and every baseline side by side (the criteria's baseline first), one row per metric. */
export function policyComparisonRows(r: ValidationReport): Record<string, unknown>[] {
  const c = r.checklist;
  // JSON is written key-sorted: the criteria's baseline is the one with the criteria's metrics; it goes first.
  const isCriteria = (b: Record<string, number | string>) =>
    b.sharpe_ratio === c.baseline_metrics.sharpe_ratio && b.total_return === c.baseline_metrics.total_return;
  const others = Object.values(c.baselines ?? {}).sort(
    (a, b) => Number(isCriteria(b)) - Number(isCriteria(a)),
  );
  const cols: [string, Record<string, number | string>][] = [
    ['candidate', c.candidate_metrics],
    ...(others.length > 0
      ? others.map((b): [string, Record<string, number | string>] => [
          `${String(b.name)}${isCriteria(b) ? ' (criteria)' : ''}`,
          b,
        ])
      : [['baseline (criteria)', c.baseline_metrics] as [string, Record<string, number>]]),
  ];
  const metrics = [
    'precision_long',
    'hit_ratio',
    'accuracy',
    'sharpe_ratio',
    'total_return',
    'max_drawdown',
    'win_rate',
    'num_trades',
    'exposure',
  ];
  return metrics.map((m) => Object.fromEntries([['metric', m], ...cols.map(([name, v]) => [name, v[m]])]));
}

/** Per-symbol Sharpe of candidate and baseline and the uplift (difference), best uplift first. */
export function perSymbolUpliftRows(r: ValidationReport): Record<string, unknown>[] {
  return Object.entries(r.perSymbol.candidate)
    .map(([symbol, c]) => {
      const b = r.perSymbol.baseline[symbol];
      return {
        symbol,
        candidate_sharpe: c.sharpe,
        baseline_sharpe: b?.sharpe ?? null,
        sharpe_uplift: b ? c.sharpe - b.sharpe : null,
        candidate_return: c.totalReturn,
        baseline_return: b?.totalReturn ?? null,
        candidate_precision_long: c.accuracy.precision_long,
        trades: c.numTrades,
        beats_baseline: b ? c.sharpe > b.sharpe : false,
      };
    })
    .sort(
      (a, b) => (b.sharpe_uplift ?? Number.NEGATIVE_INFINITY) - (a.sharpe_uplift ?? Number.NEGATIVE_INFINITY),
    );
}
