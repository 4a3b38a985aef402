import { DataValidationError } from '../core/index.js';
import type { SimResult } from './simulate.js';

/** Equal-weight portfolio returns on the union of the symbols' timestamps. */
export interface PortfolioResult {
  /** Sorted union of all timestamps. */
  ts: Float64Array;
  /** Net return: mean of the net returns of the symbols that have a bar at ts[k]. */
  returns: Float64Array;
  /** Same mean over gross returns. */
  grossReturns: Float64Array;
  /** Number of symbols with a bar at ts[k] (the weight of each is 1/active[k]). */
  active: Int32Array;
}

/**
 * Equal-weight portfolio, rebalanced every bar: at each timestamp of the union the capital is split
 * equally over the symbols that have a bar there (a symbol without a bar gets no weight, the others are
 * renormalised); a flat symbol still holds its share in cash at 0 return. O(N log N) for the union sort.
 */
export function simulatePortfolio(
  results: readonly SimResult[],
  ts: readonly Float64Array[],
): PortfolioResult {
  if (results.length !== ts.length) {
    throw new DataValidationError('simulatePortfolio: one timestamp array per result is needed', [
      { path: 'ts', message: `${ts.length} timestamp arrays for ${results.length} results` },
    ]);
  }
  let total = 0;
  for (let s = 0; s < results.length; s++) {
    if (ts[s].length !== results[s].returns.length) {
      throw new DataValidationError('simulatePortfolio: timestamps and returns lengths differ', [
        { path: `ts[${s}]`, message: `length ${ts[s].length}, returns ${results[s].returns.length}` },
      ]);
    }
    total += ts[s].length;
  }
  const all = new Float64Array(total);
  let off = 0;
  for (const t of ts) {
    all.set(t, off);
    off += t.length;
  }
  all.sort();
  let m = 0;
  for (let i = 0; i < total; i++) if (i === 0 || all[i] !== all[m - 1]) all[m++] = all[i];
  const union = all.slice(0, m);
  const net = new Float64Array(m);
  const gross = new Float64Array(m);
  const active = new Int32Array(m);
  for (let s = 0; s < results.length; s++) {
    const st = ts[s];
    const rn = results[s].returns;
    const rg = results[s].grossReturns;
    let k = 0;
    for (let j = 0; j < st.length; j++) {
      while (k < m && union[k] < st[j]) k++;
      if (k === m || union[k] !== st[j] || (j > 0 && st[j] <= st[j - 1])) {
        throw new DataValidationError(
          'simulatePortfolio: timestamps must be finite and strictly increasing',
          [{ path: `ts[${s}][${j}]`, message: 'not strictly increasing', value: st[j] }],
        );
      }
      net[k] += rn[j];
      gross[k] += rg[j];
      active[k]++;
    }
  }
  for (let k = 0; k < m; k++) {
    net[k] /= active[k];
    gross[k] /= active[k];
  }
  return { ts: union, returns: net, grossReturns: gross, active };
}
