import { DataValidationError } from '../core/index.js';

/** Rows of a cross-sectional signal: one score and one realised forward return per (date, name). */
export interface SignalRows {
  /** Date (or bar timestamp) of each row; rows sharing a value form one cross-section. */
  ts: ArrayLike<number>;
  /** The model's score (e.g. p_LONG − p_SHORT). */
  score: ArrayLike<number>;
  /** The return the score tries to rank (e.g. the forward return over the label horizon). */
  forwardReturn: ArrayLike<number>;
}

/** One cross-section: its date and the scores and returns of its valid rows, in input order. */
export interface DateGroup {
  ts: number;
  score: Float64Array;
  ret: Float64Array;
}

/**
 * Cross-sections by date, ascending, keeping only rows whose score and forward return are finite
 * (Qlib's dropna) and only dates with at least `minRows` of them.
 */
export function dateGroups(rows: SignalRows, minRows: number): DateGroup[] {
  const n = rows.ts.length;
  if (rows.score.length !== n || rows.forwardReturn.length !== n) {
    throw new DataValidationError('signal rows differ in length', [
      {
        path: 'score/forwardReturn',
        message: `ts ${n}, score ${rows.score.length}, forwardReturn ${rows.forwardReturn.length}`,
      },
    ]);
  }
  const idx: number[] = [];
  for (let i = 0; i < n; i++) {
    if (
      Number.isFinite(rows.score[i]) &&
      Number.isFinite(rows.forwardReturn[i]) &&
      Number.isFinite(rows.ts[i])
    )
      idx.push(i);
  }
  idx.sort((a, b) => rows.ts[a] - rows.ts[b] || a - b);
  const out: DateGroup[] = [];
  let s = 0;
  while (s < idx.length) {
    let e = s + 1;
    while (e < idx.length && rows.ts[idx[e]] === rows.ts[idx[s]]) e++;
    if (e - s >= minRows) {
      const part = idx.slice(s, e);
      out.push({
        ts: rows.ts[idx[s]],
        score: Float64Array.from(part, (i) => rows.score[i]),
        ret: Float64Array.from(part, (i) => rows.forwardReturn[i]),
      });
    }
    s = e;
  }
  return out;
}

/** Mean, sample std (n − 1) and mean/std of the finite values; NaN where undefined. */
export function meanStdRatio(x: ArrayLike<number>): { mean: number; std: number; ratio: number } {
  let n = 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i])) {
      n++;
      s += x[i];
    }
  }
  const mean = n > 0 ? s / n : Number.NaN;
  let ss = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) ss += (x[i] - mean) ** 2;
  const std = n > 1 ? Math.sqrt(ss / (n - 1)) : Number.NaN;
  return { mean, std, ratio: std > 0 ? mean / std : Number.NaN };
}
