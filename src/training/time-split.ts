import { ConfigError } from '../core/index.js';

/** Split ids per row: train, validation, test, or dropped by the embargo. */
export const SPLIT = { TRAIN: 0, VALID: 1, TEST: 2, EMBARGO: -1 } as const;
export const SPLIT_NAMES = ['train', 'valid', 'test'] as const;

/** Result of a time split: a split id per row and the boundary timestamps. */
export interface TimeSplit {
  split: Int8Array;
  boundaries: { trainEnd: number; validEnd: number; testStart: number; last: number };
  counts: { train: number; valid: number; test: number; embargo: number };
}

function uniqueSorted(ts: Float64Array): Float64Array {
  const u = Float64Array.from(new Set(ts)).sort();
  return u;
}

/**
 * Splits time-ordered rows by timestamp only (never shuffled): the first part of the timeline trains,
 * the next validates, the last tests. The last `embargo` timestamps before each later split are
 * dropped, so no label window (t+1 … t+horizon) of an earlier split reaches into a later one.
 */
export function timeSplit(
  ts: Float64Array,
  opts: { validSize: number; testSize: number; embargo: number },
): TimeSplit {
  const u = uniqueSorted(ts);
  const m = u.length;
  const nTest = Math.max(1, Math.round(m * opts.testSize));
  const nValid = Math.max(1, Math.round(m * opts.validSize));
  const nTrain = m - nValid - nTest;
  if (nTrain <= opts.embargo + 1 || nValid <= opts.embargo) {
    // Reachable from input (an embargo or horizon too long for a short --start-date … --end-date window).
    throw new ConfigError(`the embargo does not fit the data: ${m} labelled timestamps`, [
      {
        path: 'split.embargo_bars',
        value: opts.embargo,
        message: `an embargo of ${opts.embargo} timestamps (teacher.horizon when null) leaves ${Math.max(nTrain - opts.embargo, 0)} training and ${Math.max(nValid - opts.embargo, 0)} validation timestamps of ${m}`,
        fix: `use split.embargo_bars (and teacher.horizon) below ${Math.max(1, Math.min(nValid, nTrain - 1))}, or train on a longer window`,
      },
    ]);
  }
  const index = new Map<number, number>();
  for (let i = 0; i < m; i++) index.set(u[i], i);
  const split = new Int8Array(ts.length);
  const counts = { train: 0, valid: 0, test: 0, embargo: 0 };
  for (let r = 0; r < ts.length; r++) {
    const k = index.get(ts[r]) as number;
    let s: number;
    if (k < nTrain) s = k < nTrain - opts.embargo ? SPLIT.TRAIN : SPLIT.EMBARGO;
    else if (k < nTrain + nValid) s = k < nTrain + nValid - opts.embargo ? SPLIT.VALID : SPLIT.EMBARGO;
    else s = SPLIT.TEST;
    split[r] = s;
    if (s === SPLIT.TRAIN) counts.train++;
    else if (s === SPLIT.VALID) counts.valid++;
    else if (s === SPLIT.TEST) counts.test++;
    else counts.embargo++;
  }
  return {
    split,
    boundaries: {
      trainEnd: u[nTrain - 1],
      validEnd: u[nTrain + nValid - 1],
      testStart: u[nTrain + nValid],
      last: u[m - 1],
    },
    counts,
  };
}

/** Sorted unique timestamps of `rows` and each timestamp's position among them. */
function timestampIndex(ts: Float64Array, rows: Int32Array): { m: number; index: Map<number, number> } {
  const u = uniqueSorted(Float64Array.from(rows, (r) => ts[r]));
  const index = new Map<number, number>();
  for (let i = 0; i < u.length; i++) index.set(u[i], i);
  return { m: u.length, index };
}

/**
 * Purged walk-forward / blocked folds over the rows of one split: contiguous blocks of timestamps; for
 * each block the training rows exclude the block and `embargo` timestamps on each side of it.
 */
export function purgedFolds(
  ts: Float64Array,
  rows: Int32Array,
  k: number,
  embargo: number,
): { fit: Int32Array; predict: Int32Array }[] {
  const { m, index } = timestampIndex(ts, rows);
  const folds: { fit: Int32Array; predict: Int32Array }[] = [];
  for (let f = 0; f < k; f++) {
    const lo = Math.floor((f * m) / k);
    const hi = Math.floor(((f + 1) * m) / k);
    const fit: number[] = [];
    const predict: number[] = [];
    for (const r of rows) {
      const i = index.get(ts[r]) as number;
      if (i >= lo && i < hi) predict.push(r);
      else if (i < lo - embargo || i >= hi + embargo) fit.push(r);
    }
    folds.push({ fit: Int32Array.from(fit), predict: Int32Array.from(predict) });
  }
  return folds;
}

/** Walk-forward folds (train on the past only, validate on the next block) with an embargo. */
export function walkForwardFolds(
  ts: Float64Array,
  rows: Int32Array,
  k: number,
  embargo: number,
): { fit: Int32Array; predict: Int32Array }[] {
  const { m, index } = timestampIndex(ts, rows);
  const folds: { fit: Int32Array; predict: Int32Array }[] = [];
  for (let f = 1; f <= k; f++) {
    const lo = Math.floor((f * m) / (k + 1));
    const hi = Math.floor(((f + 1) * m) / (k + 1));
    const fit: number[] = [];
    const predict: number[] = [];
    for (const r of rows) {
      const i = index.get(ts[r]) as number;
      if (i < lo - embargo) fit.push(r);
      else if (i >= lo && i < hi) predict.push(r);
    }
    folds.push({ fit: Int32Array.from(fit), predict: Int32Array.from(predict) });
  }
  return folds;
}
