import type { Rng } from '../core/index.js';
import { SECTORS } from './symbols.js';
import type { TimeGrid } from './synthetic-grid.js';
import { fastStudentT } from './variates.js';

/** Parameters of the synthetic market at daily scale (per-bar values are derived from them). */
export const MARKET_PARAMS = {
  marketVol: 0.009,
  sectorVol: 0.007,
  idioVol: 0.012,
  /** Vol multipliers of the hidden low/high regimes and daily switching probabilities. */
  regimeVolLow: 0.8,
  regimeVolHigh: 1.7,
  pLowToHigh: 0.015,
  pHighToLow: 0.06,
  /** GARCH(1,1) of the market factor and of idiosyncratic noise (unit unconditional variance). */
  garchMarket: { alpha: 0.1, beta: 0.87 },
  garchIdio: { alpha: 0.07, beta: 0.9 },
  /** Cap of the GARCH variance multiplier, so one huge shock cannot blow a series up. */
  garchCap: 9,
  dfMarket: 5,
  dfSector: 6,
  dfIdio: 5,
  /** Drift coefficients in units of the bar's observed vol, scaled by signalStrength. */
  kMomentum: 0.2,
  kMeanReversion: 0.2,
  kVolumeShock: 0.35,
  /** Momentum multiplier after regimeChangeDate (negative = flips to weak reversal). */
  momentumAfterChange: -0.5,
  pShockDaily: 0.03,
  equityPremiumDaily: 0.0003,
} as const;

/** Shared state of all symbols: hidden regime, vol scale, market and sector factor returns. */
export interface MarketFactors {
  /** 1 in the high-vol regime. */
  regime: Uint8Array;
  /** Regime × intraday multiplier × per-bar scale applied to every vol. */
  scale: Float64Array;
  marketRet: Float64Array;
  marketVar: Float64Array;
  sectorRet: Map<string, Float64Array>;
}

/**
 * Simulates the shared factors. Each piece draws from its own fork of `root`, so the factors do
 * not depend on which symbols are generated; `volScale` is the per-bar intraday multiplier.
 */
export function simulateFactors(root: Rng, grid: TimeGrid, volScale: Float64Array): MarketFactors {
  const P = MARKET_PARAMS;
  const n = grid.ts.length;
  const per = grid.barsPerSession;
  // Regimes last a similar number of sessions at either frequency, not a similar number of bars;
  // intraday the switching is a bit faster (per-bar probability × 4 / 75) so a year holds several.
  const pScale = per === 1 ? 1 : 4 / per;
  const regime = new Uint8Array(n);
  const scale = new Float64Array(n);
  const rr = root.fork('#regime');
  let state = 0;
  for (let t = 0; t < n; t++) {
    const u = rr.next();
    if (state === 0 && u < P.pLowToHigh * pScale) state = 1;
    else if (state === 1 && u < P.pHighToLow * pScale) state = 0;
    regime[t] = state;
    scale[t] = (state === 1 ? P.regimeVolHigh : P.regimeVolLow) * volScale[grid.barInSession[t]];
  }
  const marketRet = new Float64Array(n);
  const marketVar = new Float64Array(n);
  const rm = root.fork('#market');
  const { alpha, beta } = P.garchMarket;
  let h = 1;
  let prevZ = 0;
  for (let t = 0; t < n; t++) {
    h = Math.min(P.garchCap, 1 - alpha - beta + alpha * prevZ * prevZ + beta * h);
    const z = Math.sqrt(h) * fastStudentT(rm, P.dfMarket);
    prevZ = z;
    const sd = P.marketVol * scale[t];
    marketRet[t] = sd * z;
    marketVar[t] = sd * sd * h;
  }
  const sectorRet = new Map<string, Float64Array>();
  for (const s of SECTORS) {
    const rs = root.fork(`#sector/${s}`);
    const out = new Float64Array(n);
    for (let t = 0; t < n; t++) out[t] = P.sectorVol * scale[t] * fastStudentT(rs, P.dfSector);
    sectorRet.set(s, out);
  }
  return { regime, scale, marketRet, marketVar, sectorRet };
}
