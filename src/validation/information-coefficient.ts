import { pearsonCorrelation, spearmanCorrelation } from '../eval/index.js';
import { LONG, NUM_CLASSES, SHORT } from '../labels/index.js';
import type { PolicyRun } from './run-validation.js';

/** How well the candidate's score ranks what the market then did. */
export interface InformationCoefficient {
  /** Spearman (rank) correlation of score and forward return: the headline IC; null when undefined. */
  spearman: number | null;
  pearson: number | null;
  /** (symbol, bar) pairs with both a score and a realisable forward return. */
  n: number;
  score: string;
}

const orNull = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * Information coefficient of a model policy: the correlation between its directional score
 * P(LONG) − P(SHORT) at each bar's close and the forward return realisable from it (next open to the
 * close `horizon` bars later), pooled over every symbol and bar of the validation window. Bars still
 * warming up (no score) or too close to the end (no forward return) are left out. A rule policy has no
 * score: n = 0, null coefficients.
 */
export function informationCoefficient(
  run: PolicyRun,
  forwardReturns: Map<string, Float64Array>,
): InformationCoefficient {
  const score: number[] = [];
  const fwd: number[] = [];
  for (const p of run.perSymbol) {
    const proba = p.decisions.proba;
    const f = forwardReturns.get(p.symbol);
    if (!proba || !f) continue;
    for (let i = 0; i < p.sim.returns.length; i++) {
      const s = proba[i * NUM_CLASSES + LONG] - proba[i * NUM_CLASSES + SHORT];
      const r = f[p.lo + i];
      if (Number.isFinite(s) && Number.isFinite(r)) {
        score.push(s);
        fwd.push(r);
      }
    }
  }
  return {
    spearman: orNull(spearmanCorrelation(score, fwd)),
    pearson: orNull(pearsonCorrelation(score, fwd)),
    n: score.length,
    score: 'P(LONG) − P(SHORT) at the close vs the forward return (next open → close after horizon bars)',
  };
}
