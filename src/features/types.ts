/**
 * Feature table of one symbol: named Float64Array columns aligned with the bars' `ts`.
 * Rows before `firstValid` are warm-up rows (some column not yet defined, stored as NaN); they are
 * excluded downstream and never back-filled.
 */
export interface FeatureTable {
  symbol: string;
  ts: Float64Array;
  /** Column order is stable and part of the model's contract. */
  names: string[];
  columns: Float64Array[];
  /** Index of the first row where every column is defined. */
  firstValid: number;
}
