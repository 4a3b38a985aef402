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

/** Bar frequency (see ./frequency.ts for inference from the bar spacing). */
export type Frequency = '1m' | '5m' | '15m' | '30m' | '1h' | '1d' | '1wk';

/** The trading calendar annualisation needs: session hours (exchange-local minutes) and sessions a year. */
export interface SessionCalendar {
  /** Session open, minutes after local midnight (NSE 09:15 → 555). */
  openMinute: number;
  /** Session close, minutes after local midnight (NSE 15:30 → 930; 24:00 → 1440). */
  closeMinute: number;
  /** Trading sessions per year (252 for exchanges, 365 for 24/7 markets). */
  daysPerYear: number;
}

/** NSE: 09:15–15:30, ~252 sessions a year. */
export const NSE_SESSION: SessionCalendar = { openMinute: 555, closeMinute: 930, daysPerYear: 252 };

const BAR_MINUTES: Record<Frequency, number> = {
  '1m': 1,
  '5m': 5,
  '15m': 15,
  '30m': 30,
  '1h': 60,
  '1d': 1440,
  '1wk': 10080,
};

/** Length of one bar in minutes. */
export function barMinutes(freq: Frequency): number {
  return BAR_MINUTES[freq];
}

/**
 * Bars per year of a frequency on a session calendar (annualisation): daily = sessions a year, weekly = 52,
 * intraday = sessions a year × bars per session, where a session of 375 minutes holds ⌈375/60⌉ = 7 hourly
 * bars (the last one short). NSE defaults: 1d → 252, 5m → 252 × 75.
 */
export function barsPerYear(freq: Frequency, cal: SessionCalendar = NSE_SESSION): number {
  if (freq === '1d') return cal.daysPerYear;
  if (freq === '1wk') return 52;
  return cal.daysPerYear * Math.ceil((cal.closeMinute - cal.openMinute) / BAR_MINUTES[freq]);
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
