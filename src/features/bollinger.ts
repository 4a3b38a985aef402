import { ConfigError } from '../core/index.js';
import { rollingStd } from './rolling-std.js';
import { sma } from './sma.js';

/** Bollinger bands: middle = SMA(n), upper/lower = middle ± k·σ. */
export interface BollingerBands {
  upper: Float64Array;
  middle: Float64Array;
  lower: Float64Array;
}

/** Bollinger bands with the population standard deviation (TA-Lib BBANDS, MA type SMA); first value at n−1. */
export function bollinger(x: Float64Array, n = 20, k = 2): BollingerBands {
  return bandsAround(sma(x, n), rollingStd(x, n, 0), k);
}

/** Bands middle ± k·sd from an already computed SMA and population std of the same window. */
export function bandsAround(middle: Float64Array, sd: Float64Array, k: number): BollingerBands {
  if (!(k > 0) || !Number.isFinite(k)) {
    throw new ConfigError('invalid Bollinger width', [
      { path: 'bollinger.k', message: 'must be a finite number > 0', value: k },
    ]);
  }
  const len = middle.length;
  const upper = new Float64Array(len);
  const lower = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    const w = k * sd[i];
    upper[i] = middle[i] + w;
    lower[i] = middle[i] - w;
  }
  return { upper, middle, lower };
}
