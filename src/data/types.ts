/**
 * Bars of one symbol as a struct of typed arrays (no per-row objects).
 * `ts` holds epoch milliseconds (UTC instants); the exchange timezone is kept alongside for display
 * and for interpreting naive timestamps. All arrays have the same length and ts is strictly increasing.
 */
export interface BarSeries {
  symbol: string;
  /** IANA timezone of the exchange, e.g. Asia/Kolkata. */
  tz: string;
  ts: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

/** Bar frequency. */
export type Frequency = '1d' | '5m';

/** Number of bars per year for a frequency (used for annualisation). */
export function barsPerYear(freq: Frequency): number {
  // NSE: ~252 sessions a year; 09:15–15:30 is 375 minutes = 75 five-minute bars.
  return freq === '1d' ? 252 : 252 * 75;
}

/** Allocates an empty BarSeries of length n. */
export function allocBars(symbol: string, tz: string, n: number): BarSeries {
  return {
    symbol,
    tz,
    ts: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
}

/** A view of bars [start, end) (no copy). */
export function sliceBars(b: BarSeries, start: number, end: number): BarSeries {
  return {
    symbol: b.symbol,
    tz: b.tz,
    ts: b.ts.subarray(start, end),
    open: b.open.subarray(start, end),
    high: b.high.subarray(start, end),
    low: b.low.subarray(start, end),
    close: b.close.subarray(start, end),
    volume: b.volume.subarray(start, end),
  };
}
