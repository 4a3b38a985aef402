import { ema } from './ema.js';

/** MACD line, signal and histogram (price units). */
export interface MacdResult {
  line: Float64Array;
  signal: Float64Array;
  hist: Float64Array;
}

/**
 * MACD: line = EMA(fast) − EMA(slow), both seeded independently from bar 0 (line defined from slow−1 = 25);
 * signal = EMA(signal) of the line seeded with the SMA of its first `signal` defined values (from 25+8 = 33);
 * hist = line − signal. Note TA_MACD itself delays the fast EMA's seed to line up with the slow one, so its
 * early line values differ slightly; the difference decays geometrically.
 */
export function macd(close: Float64Array, fast = 12, slow = 26, signal = 9): MacdResult {
  return macdFromEmas(ema(close, fast), ema(close, slow), signal);
}

/** MACD from already computed fast and slow EMAs. */
export function macdFromEmas(emaFast: Float64Array, emaSlow: Float64Array, signal = 9): MacdResult {
  const len = emaFast.length;
  const line = new Float64Array(len);
  for (let i = 0; i < len; i++) line[i] = emaFast[i] - emaSlow[i];
  const sig = ema(line, signal);
  const hist = new Float64Array(len);
  for (let i = 0; i < len; i++) hist[i] = line[i] - sig[i];
  return { line, signal: sig, hist };
}
