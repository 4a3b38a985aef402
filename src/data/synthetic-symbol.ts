import type { Rng } from '../core/index.js';
import { type MarketFactors, MARKET_PARAMS as P } from './synthetic-factors.js';
import type { TimeGrid } from './synthetic-grid.js';
import { fastStudentT, twoUniforms } from './variates.js';
import { allocBars, type BarSeries } from './types.js';

/** Per-run settings shared by every symbol's simulation. */
export interface SymbolSimContext {
  grid: TimeGrid;
  factors: MarketFactors;
  volScale: Float64Array;
  volumeProfile: Float64Array;
  tz: string;
  signalStrength: number;
  /** First instant with the changed regime (Infinity when none). */
  changeTs: number;
}

// Prices are quoted in paise; Math.round is monotone, so rounding keeps low <= open/close <= high.
const round2 = (x: number): number => Math.max(0.01, Math.round(x * 100) / 100);

/** Simulates one symbol's bars from its own rng stream on top of the shared factors. */
export function simulateSymbol(
  rng: Rng,
  symbol: string,
  sectorRet: Float64Array,
  ctx: SymbolSimContext,
): BarSeries {
  const { grid, factors: f, volScale, volumeProfile, signalStrength: s } = ctx;
  const n = grid.ts.length;
  const per = grid.barsPerSession;
  const out = allocBars(symbol, ctx.tz, n);
  out.ts.set(grid.ts);
  const beta = 0.7 + 0.6 * rng.next();
  const gamma = 0.6 + 0.6 * rng.next();
  const lnVolBase = Math.log(3e5) + Math.log(30) * rng.next();
  const premium = (P.equityPremiumDaily * (0.5 + rng.next())) / per;
  const pShock = per === 1 ? P.pShockDaily : P.pShockDaily / 3;
  const { alpha, beta: gBeta } = P.garchIdio;
  const seasonal = new Float64Array(per);
  for (let k = 0; k < per; k++) seasonal[k] = volScale[k] * Math.sqrt(per);
  const lnC = new Float64Array(n);
  const close = out.close;
  let prevClose = Math.round(Math.exp(Math.log(100) + Math.log(30) * rng.next()) * 100) / 100;
  let lnPrev = Math.log(prevClose);
  const sSd = P.sectorVol;
  let varS =
    ((beta * beta * P.marketVol ** 2 + gamma * gamma * sSd * sSd + P.idioVol ** 2) * P.regimeVolLow ** 2) /
    per;
  let varL = varS;
  let h = 1;
  let prevEps = 0;
  let sum20 = 0;
  let shockLeft = 0;
  let shockDir = 0;
  for (let t = 0; t < n; t++) {
    const k = grid.barInSession[t];
    const sc = f.scale[t];
    // Drift from the observable state at the previous close (causal by construction).
    const v = Math.sqrt(varS) * seasonal[k];
    let mu = premium;
    if (t >= 20) {
      if (varS <= varL) {
        const mom = grid.ts[t] >= ctx.changeTs ? P.kMomentum * P.momentumAfterChange : P.kMomentum;
        mu += s * mom * v * Math.tanh((lnC[t - 1] - lnC[t - 11]) / (v * 3.1623));
      } else {
        const dev = (prevClose - sum20 / 20) / prevClose;
        mu -= s * P.kMeanReversion * v * Math.tanh(dev / (v * 3.1623));
      }
    }
    if (shockLeft > 0) {
      mu += s * P.kVolumeShock * v * shockDir;
      shockLeft--;
    }
    h = Math.min(P.garchCap, 1 - alpha - gBeta + alpha * prevEps * prevEps + gBeta * h);
    const shock = rng.next() < pShock;
    const e = Math.sqrt(h) * fastStudentT(rng, P.dfIdio) * (shock ? 1.8 : 1);
    prevEps = e;
    const idioSd = P.idioVol * sc;
    const eps = beta * f.marketRet[t] + gamma * sectorRet[t] + idioSd * e;
    const sd = Math.sqrt(
      beta * beta * f.marketVar[t] + gamma * gamma * (sSd * sc) ** 2 + idioSd * idioSd * h,
    );
    const c = round2(prevClose * Math.exp(mu + eps));
    const gap =
      per === 1 ? 0.3 * eps + 0.1 * sd * rng.normal() : k === 0 ? 0.6 * eps : 0.05 * sd * rng.normal();
    const o = round2(prevClose * Math.exp(gap));
    out.open[t] = o;
    // Exponential wick lengths (mean 0.5 bar vol) from one split draw.
    const w = twoUniforms(rng);
    out.high[t] = round2(Math.max(o, c) * Math.exp(-0.5 * sd * Math.log(w[0])));
    out.low[t] = round2(Math.min(o, c) * Math.exp(0.5 * sd * Math.log(1 - w[1])));
    close[t] = c;
    const lnV =
      lnVolBase +
      volumeProfile[k] +
      0.45 * (Math.abs(eps) / sd - 0.8) +
      0.3 * f.regime[t] +
      0.25 * rng.normal() +
      (shock ? 1.1 + 0.2 * rng.normal() : 0);
    out.volume[t] = Math.max(1, Math.round(Math.exp(lnV)));
    const lnc = Math.log(c);
    const lr = lnc - lnPrev;
    lnPrev = lnc;
    lnC[t] = lnc;
    const z2 = (lr * lr) / (seasonal[k] * seasonal[k]);
    varS = 0.94 * varS + 0.06 * z2;
    varL = 0.99 * varL + 0.01 * z2;
    sum20 += c - (t >= 20 ? close[t - 20] : 0);
    if (shock) {
      shockLeft = 3;
      shockDir = Math.sign(lr);
    }
    prevClose = c;
  }
  return out;
}
