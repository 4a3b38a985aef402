/**
 * The OHLCV rules shared by the CSV importer and validateBars: one code per broken rule so the
 * hot loops compare integers and only build messages for bad rows.
 */
export const BarProblem = {
  ok: 0,
  nonPositivePrice: 1,
  highBelowBody: 2,
  lowAboveBody: 3,
  negativeVolume: 4,
  nonFinite: 5,
} as const;
export type BarProblemCode = (typeof BarProblem)[keyof typeof BarProblem];

/** Checks one bar's prices and volume (ordering is checked separately); returns a BarProblem code. */
export function checkBar(
  open: number,
  high: number,
  low: number,
  close: number,
  volume: number,
): BarProblemCode {
  // `!(x > 0)` also catches NaN, so a NaN can never pass as a valid price.
  if (!Number.isFinite(open + high + low + close + volume)) return BarProblem.nonFinite;
  if (!(open > 0 && high > 0 && low > 0 && close > 0)) return BarProblem.nonPositivePrice;
  if (high < open || high < close) return BarProblem.highBelowBody;
  if (low > open || low > close) return BarProblem.lowAboveBody;
  if (volume < 0) return BarProblem.negativeVolume;
  return BarProblem.ok;
}

/** Column, offending value, message and fix for a failed check, for building an Issue. */
export interface BarProblemDetail {
  column: 'open' | 'high' | 'low' | 'close' | 'volume';
  value: number;
  message: string;
  fix: string;
}

/** Explains a non-ok BarProblem code for the bar (o, h, l, c, v). */
export function describeBarProblem(
  code: BarProblemCode,
  o: number,
  h: number,
  l: number,
  c: number,
  v: number,
): BarProblemDetail {
  const cols = ['open', 'high', 'low', 'close', 'volume'] as const;
  const vals = [o, h, l, c, v];
  switch (code) {
    case BarProblem.nonFinite: {
      const k = vals.findIndex((x) => !Number.isFinite(x));
      return {
        column: cols[k],
        value: vals[k],
        message: `${cols[k]} is not a finite number`,
        fix: 'write a decimal number',
      };
    }
    case BarProblem.nonPositivePrice: {
      const k = vals.findIndex((x) => !(x > 0));
      return {
        column: cols[k],
        value: vals[k],
        message: `${cols[k]} price must be > 0`,
        fix: 'remove the row or correct the price (zero often means a missing quote)',
      };
    }
    case BarProblem.highBelowBody:
      return {
        column: 'high',
        value: h,
        message: `high ${h} is below max(open, close) = ${Math.max(o, c)}`,
        fix: 'high must be >= open and >= close; check for swapped columns',
      };
    case BarProblem.lowAboveBody:
      return {
        column: 'low',
        value: l,
        message: `low ${l} is above min(open, close) = ${Math.min(o, c)}`,
        fix: 'low must be <= open and <= close; check for swapped columns',
      };
    default:
      return { column: 'volume', value: v, message: 'volume must be >= 0', fix: 'correct or remove the row' };
  }
}
