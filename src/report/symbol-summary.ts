import { maxDrawdown, meanStd } from '../backtest/index.js';
import { type BarSeries, localDate } from '../data/index.js';

/** One row of the per-symbol summary of the raw bars. */
export interface SymbolSummary {
  symbol: string;
  bars: number;
  first: string;
  last: string;
  first_close: number;
  last_close: number;
  /** last close / first close − 1. */
  total_return: number;
  /** Sample std of close-to-close log returns × √barsPerYear. */
  annual_volatility: number;
  /** Deepest peak-to-trough fall of the close. */
  max_drawdown: number;
  mean_volume: number;
}

/** Per-symbol summary of raw bars (dates in the exchange's time zone). */
export function symbolSummaries(series: readonly BarSeries[], barsPerYear: number): SymbolSummary[] {
  return series.map((b) => {
    const n = b.close.length;
    const logRet = new Float64Array(Math.max(0, n - 1));
    const simple = new Float64Array(logRet.length);
    for (let t = 1; t < n; t++) {
      logRet[t - 1] = Math.log(b.close[t] / b.close[t - 1]);
      simple[t - 1] = b.close[t] / b.close[t - 1] - 1;
    }
    let vol = 0;
    for (let t = 0; t < n; t++) vol += b.volume[t];
    return {
      symbol: b.symbol,
      bars: n,
      first: n > 0 ? localDate(b.ts[0], b.tz) : '',
      last: n > 0 ? localDate(b.ts[n - 1], b.tz) : '',
      first_close: b.close[0],
      last_close: b.close[n - 1],
      total_return: b.close[n - 1] / b.close[0] - 1,
      annual_volatility: meanStd(logRet).std * Math.sqrt(barsPerYear),
      max_drawdown: maxDrawdown(simple),
      mean_volume: n > 0 ? vol / n : Number.NaN,
    };
  });
}
