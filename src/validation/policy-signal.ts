import type { SignalRows } from '../eval/index.js';
import { LONG, NUM_CLASSES, SHORT } from '../labels/index.js';
import type { PolicyRun } from './run-validation.js';

/**
 * The candidate's score and realised forward return at every window bar, pooled over symbols, for
 * signal analysis: score = p(LONG) − p(SHORT) (the model's expected direction), forward return = the
 * label's return over the horizon (entry at the next open). Bars without probabilities (features still
 * warming up, or a rule policy) or without a forward return (the horizon runs past the data) get NaN and
 * are dropped by the analysis.
 */
export function policySignalRows(
  run: Pick<PolicyRun, 'perSymbol'>,
  forwardReturns: (symbol: string) => Float64Array | undefined,
): SignalRows {
  const n = run.perSymbol.reduce((s, p) => s + p.sim.returns.length, 0);
  const ts = new Float64Array(n);
  const score = new Float64Array(n).fill(Number.NaN);
  const forwardReturn = new Float64Array(n).fill(Number.NaN);
  let o = 0;
  for (const p of run.perSymbol) {
    const proba = p.decisions.proba;
    const fwd = forwardReturns(p.symbol);
    for (let i = 0; i < p.sim.returns.length; i++, o++) {
      ts[o] = p.ts[i];
      if (proba) score[o] = proba[i * NUM_CLASSES + LONG] - proba[i * NUM_CLASSES + SHORT];
      if (fwd) forwardReturn[o] = fwd[p.lo + i];
    }
  }
  return { ts, score, forwardReturn };
}
