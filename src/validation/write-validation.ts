import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ThresholdsParams } from '../config/index.js';
import { formatTs } from '../data/index.js';
import { CLASSES } from '../labels/index.js';
import {
  ensureDir,
  roundDeep,
  stableStringify,
  VALIDATION_FILES,
  writeFileAtomic,
  writeJsonAtomic,
} from '../pipeline/index.js';
import { type ChecklistContext, checklistJson, checklistMarkdown } from './checklist.js';
import { deltas, evaluateCriteria } from './criteria.js';
import type { InformationCoefficient } from './information-coefficient.js';
import type { PolicyRun, ValidationOutcome } from './run-validation.js';
import { equityRows, validationHeadline } from './validation-headline.js';

function perSymbol(run: PolicyRun) {
  return Object.fromEntries(run.perSymbol.map((p) => [p.symbol, { ...p.metrics, accuracy: p.accuracy }]));
}

function writeTelemetry(
  dir: string,
  run: PolicyRun,
  tz: string,
  forward: Map<string, Float64Array>,
): string[] {
  ensureDir(dir);
  for (const f of readdirSync(dir)) rmSync(join(dir, f));
  return run.perSymbol.map((p) => {
    const lines: string[] = [];
    const fwd = forward.get(p.symbol);
    for (let i = 0; i < p.sim.returns.length; i++) {
      const pred = p.decisions.pred[i];
      lines.push(
        stableStringify(
          roundDeep({
            ts: formatTs(p.ts[i], tz),
            symbol: p.symbol,
            prediction: pred >= 0 ? CLASSES[pred] : null,
            confidence: Number.isFinite(p.decisions.confidence[i]) ? p.decisions.confidence[i] : null,
            position: p.decisions.target[i],
            realised_return: i + 1 < p.sim.returns.length ? p.sim.returns[i + 1] : null,
            forward_return: fwd && Number.isFinite(fwd[p.lo + i]) ? fwd[p.lo + i] : null,
            model_version: run.policy.version,
          }),
        ),
      );
    }
    const file = join(dir, `${p.symbol}.jsonl`);
    writeFileAtomic(file, `${lines.join('\n')}\n`);
    return file;
  });
}

/** Writes results, accuracy, comparison, checklist (md + json) and telemetry; returns the recommendation. */
export function writeValidationArtifacts(
  dir: string,
  o: ValidationOutcome,
  t: ThresholdsParams,
  ctx: ChecklistContext & {
    tz: string;
    costs: unknown;
    forwardReturns: Map<string, Float64Array>;
    /** The candidate's information coefficient (null for a rule candidate). */
    ic?: InformationCoefficient | null;
    /** Name of the headline file (default metrics.json). */
    headlineFile?: string;
  },
): { recommendation: 'PROMOTE' | 'REJECT'; reason: string; files: string[] } {
  ensureDir(dir);
  const verdict = evaluateCriteria(o, t);
  const p = (f: string) => join(dir, f);
  // validation_results.json stays compact; per-symbol detail goes beside it.
  const summary = (r: PolicyRun) => ({
    policy: r.policy,
    summary: r.summary,
    portfolio: r.portfolio.metrics,
  });
  writeJsonAtomic(
    p(VALIDATION_FILES.results),
    roundDeep({
      timestamp: ctx.timestamp,
      window: {
        start: o.window.start,
        end: o.window.end,
        bars: o.window.bars,
        symbols: o.window.symbols.length,
      },
      costs: ctx.costs,
      candidate: summary(o.candidate),
      baseline: summary(o.baseline),
      other_baselines: (o.others ?? []).map(summary),
      significance: o.significance,
      ...(ctx.ic ? { information_coefficient: ctx.ic } : {}),
      signal: o.signal,
      ...(o.measurability ? { measurability: o.measurability } : {}),
      ...(o.frequency ? { frequency: o.frequency } : {}),
    }),
  );
  writeJsonAtomic(
    p(VALIDATION_FILES.perSymbol),
    roundDeep({ candidate: perSymbol(o.candidate), baseline: perSymbol(o.baseline) }),
  );
  writeJsonAtomic(
    p(VALIDATION_FILES.accuracy),
    roundDeep({
      timestamp: ctx.timestamp,
      candidate: o.candidate.accuracy,
      baseline: o.baseline.accuracy,
      calibration: o.calibration,
    }),
  );
  const baseSharpe = new Map(o.baseline.perSymbol.map((b) => [b.symbol, b.metrics.sharpe]));
  writeJsonAtomic(
    p(VALIDATION_FILES.comparison),
    roundDeep({
      timestamp: ctx.timestamp,
      candidate_model: ctx.candidateModel,
      baseline_model: ctx.baselineModel,
      deltas: deltas(o),
      // Candidate − each baseline that ran (the criteria's first), so no baseline hides behind another.
      baselines: [o.baseline, ...(o.others ?? [])].map((b) => ({
        policy: b.policy,
        sharpe_ratio: b.summary.sharpe_ratio,
        total_return: b.summary.total_return,
        sharpe_difference: o.candidate.summary.sharpe_ratio - b.summary.sharpe_ratio,
        return_difference: o.candidate.summary.total_return - b.summary.total_return,
        precision_uplift: o.candidate.summary.precision_long - b.summary.precision_long,
        hit_ratio_uplift: o.candidate.summary.hit_ratio - b.summary.hit_ratio,
      })),
      significance: o.significance,
      per_symbol: o.candidate.perSymbol.map((c) => ({
        symbol: c.symbol,
        candidate_sharpe: c.metrics.sharpe,
        baseline_sharpe: baseSharpe.get(c.symbol) ?? null,
        beats_baseline: c.metrics.sharpe > (baseSharpe.get(c.symbol) ?? Number.POSITIVE_INFINITY),
      })),
    }),
  );
  writeJsonAtomic(p(VALIDATION_FILES.checklistJson), checklistJson(o, t, verdict, ctx));
  writeFileAtomic(p(VALIDATION_FILES.checklistMd), checklistMarkdown(o, t, verdict, ctx));
  const tele = writeTelemetry(p(VALIDATION_FILES.telemetry), o.candidate, ctx.tz, ctx.forwardReturns);
  // Key order as built (not sorted): it is the column order of `dvc exp show`.
  const headline = validationHeadline(o, verdict, ctx.ic ?? null);
  const headlineFile = p(ctx.headlineFile ?? VALIDATION_FILES.headline);
  writeFileAtomic(headlineFile, `${JSON.stringify(headline, null, 2)}\n`);
  const equity = join(dir, VALIDATION_FILES.plotsDir, VALIDATION_FILES.equityPlot);
  writeJsonAtomic(equity, equityRows(o));
  return {
    recommendation: verdict.recommendation,
    reason: verdict.reason,
    files: [
      VALIDATION_FILES.results,
      VALIDATION_FILES.perSymbol,
      VALIDATION_FILES.accuracy,
      VALIDATION_FILES.comparison,
      VALIDATION_FILES.checklistJson,
      VALIDATION_FILES.checklistMd,
    ]
      .map(p)
      .concat(headlineFile, equity, tele),
  };
}
