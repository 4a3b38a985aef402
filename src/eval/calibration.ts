import { ConfigError } from '../core/index.js';
import type { LabelArray } from './types.js';
import { assertLabelsAndProba } from './validate-inputs.js';

/** Default number of equal-width confidence bins. */
export const CALIBRATION_BINS = 15;

/** One non-empty confidence bin of a reliability diagram. */
export interface CalibrationBin {
  /** Bin index 0..nBins−1. */
  bin: number;
  lower: number;
  upper: number;
  /** Mean top-label confidence of the rows in the bin. */
  confidence: number;
  /** Share of those rows whose top label is the actual class. */
  accuracy: number;
  count: number;
}

interface BinTotals {
  count: Int32Array;
  confSum: Float64Array;
  hits: Int32Array;
}

/**
 * Bin b covers (b/B, (b+1)/B] — right-closed like scikit-learn's calibration_curve — except that
 * bin 0 also takes confidence exactly 0, so no row is dropped; confidence 1 falls in the last bin.
 */
export function confidenceBin(conf: number, nBins: number): number {
  let b = Math.ceil(conf * nBins) - 1;
  if (b < 0) b = 0;
  if (b > nBins - 1) b = nBins - 1;
  // conf·B can round across an edge; re-check against the edges exactly as they are reported.
  if (b > 0 && conf <= b / nBins) b--;
  else if (b < nBins - 1 && conf > (b + 1) / nBins) b++;
  return b;
}

function binTopLabel(yTrue: LabelArray, proba: Float64Array, K: number, nBins: number): BinTotals {
  if (!Number.isInteger(nBins) || nBins < 1) {
    throw new ConfigError('invalid calibration options', [
      { path: 'nBins', message: 'must be an integer ≥ 1', value: nBins },
    ]);
  }
  assertLabelsAndProba(yTrue, proba, K);
  const count = new Int32Array(nBins);
  const confSum = new Float64Array(nBins);
  const hits = new Int32Array(nBins);
  for (let i = 0; i < yTrue.length; i++) {
    const base = i * K;
    let pred = 0;
    let conf = proba[base];
    for (let k = 1; k < K; k++) {
      if (proba[base + k] > conf) {
        conf = proba[base + k];
        pred = k;
      }
    }
    const b = confidenceBin(conf, nBins);
    count[b]++;
    confSum[b] += conf;
    if (pred === yTrue[i]) hits[b]++;
  }
  return { count, confSum, hits };
}

/** ECE = Σ_b (n_b/n)·|acc_b − conf_b| over equal-width bins of the top-label confidence; empty bins add 0. */
export function expectedCalibrationError(
  yTrue: LabelArray,
  proba: Float64Array,
  K: number,
  nBins: number = CALIBRATION_BINS,
): number {
  const { count, confSum, hits } = binTopLabel(yTrue, proba, K, nBins);
  // (n_b/n)·|hits_b/n_b − confSum_b/n_b| simplifies to |hits_b − confSum_b| / n.
  let total = 0;
  for (let b = 0; b < nBins; b++) if (count[b] > 0) total += Math.abs(hits[b] - confSum[b]);
  return total / yTrue.length;
}

/** Reliability-diagram points: one entry per non-empty bin, for plotting against the diagonal. */
export function calibrationCurve(
  yTrue: LabelArray,
  proba: Float64Array,
  K: number,
  nBins: number = CALIBRATION_BINS,
): CalibrationBin[] {
  const { count, confSum, hits } = binTopLabel(yTrue, proba, K, nBins);
  const out: CalibrationBin[] = [];
  for (let b = 0; b < nBins; b++) {
    if (count[b] === 0) continue;
    out.push({
      bin: b,
      lower: b / nBins,
      upper: (b + 1) / nBins,
      confidence: confSum[b] / count[b],
      accuracy: hits[b] / count[b],
      count: count[b],
    });
  }
  return out;
}
