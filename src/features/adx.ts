import { trueRangeAt } from './atr.js';
import { assertPeriod, isTaZero, nanArray } from './kernel-utils.js';

/** ADX with its directional indicators, all on the 0–100 scale. */
export interface AdxResult {
  adx: Float64Array;
  plusDi: Float64Array;
  minusDi: Float64Array;
}

/**
 * Wilder's ADX, +DI and −DI exactly as TA-Lib's TA_ADX / TA_PLUS_DI / TA_MINUS_DI. TA-Lib seeds the smoothed
 * +DM/−DM/TR with the sum of the first n−1 bars (1..n−1) and applies S ← S − S/n + x from bar n on, so
 * ±DI start at index n; ADX is the mean of the n DX values at n..2n−1 (first at index 2n−1 = 27 for n = 14),
 * then ADX ← (ADX·(n−1) + DX)/n. As TA-Lib: DI is 0 when the smoothed TR is zero, such a DX counts as 0 in the
 * first mean, and afterwards ADX holds its previous value when DX is undefined.
 */
export function adx(high: Float64Array, low: Float64Array, close: Float64Array, n = 14): AdxResult {
  assertPeriod('adx', n, 2);
  const len = close.length;
  const res: AdxResult = {
    adx: nanArray(len, 2 * n - 1),
    plusDi: nanArray(len, n),
    minusDi: nanArray(len, n),
  };
  if (len <= n) return res;
  let pdm = 0;
  let mdm = 0;
  let tr = 0;
  for (let i = 1; i < n; i++) {
    const up = high[i] - high[i - 1];
    const down = low[i - 1] - low[i];
    if (down > 0 && up < down) mdm += down;
    else if (up > 0 && up > down) pdm += up;
    tr += trueRangeAt(high[i], low[i], close[i - 1]);
  }
  let sumDx = 0;
  let prevAdx = 0;
  for (let i = n; i < len; i++) {
    const up = high[i] - high[i - 1];
    const down = low[i - 1] - low[i];
    mdm -= mdm / n;
    pdm -= pdm / n;
    if (down > 0 && up < down) mdm += down;
    else if (up > 0 && up > down) pdm += up;
    tr = tr - tr / n + trueRangeAt(high[i], low[i], close[i - 1]);
    let dx = Number.NaN;
    if (isTaZero(tr)) {
      res.plusDi[i] = 0;
      res.minusDi[i] = 0;
    } else {
      const m = 100 * (mdm / tr);
      const p = 100 * (pdm / tr);
      res.plusDi[i] = p;
      res.minusDi[i] = m;
      const s = m + p;
      if (!isTaZero(s)) dx = 100 * (Math.abs(m - p) / s);
    }
    if (i < 2 * n - 1) {
      if (!Number.isNaN(dx)) sumDx += dx;
    } else if (i === 2 * n - 1) {
      if (!Number.isNaN(dx)) sumDx += dx;
      prevAdx = sumDx / n;
      res.adx[i] = prevAdx;
    } else {
      if (!Number.isNaN(dx)) prevAdx = (prevAdx * (n - 1) + dx) / n;
      res.adx[i] = prevAdx;
    }
  }
  return res;
}
