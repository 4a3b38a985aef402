import { DataValidationError } from '../core/index.js';
import { LONG, SHORT } from '../labels/index.js';

/** Options of the signal → target mapping. */
export interface SignalOptions {
  /** Minimum confidence to act on a LONG/SHORT prediction; below it the target is flat. */
  threshold: number;
  /** Map SHORT to −1 (default true) instead of flat. */
  allowShort?: boolean;
}

/**
 * Turns per-bar predicted classes and their confidence into targets decided at the close of each bar:
 * LONG → +1, SHORT → −1 (0 without shorting), NOOP or confidence < threshold (or NaN) → 0.
 */
export function signalsToPositions(
  pred: Int8Array,
  confidence: Float64Array,
  opts: SignalOptions,
): Int8Array {
  const n = pred.length;
  if (confidence.length !== n) {
    throw new DataValidationError('signalsToPositions: pred and confidence lengths differ', [
      {
        path: 'confidence',
        message: `length ${confidence.length}, pred ${n}`,
        fix: 'one confidence per bar',
      },
    ]);
  }
  const short = (opts.allowShort ?? true) ? -1 : 0;
  const th = opts.threshold;
  const out = new Int8Array(n);
  for (let t = 0; t < n; t++) {
    if (!(confidence[t] >= th)) continue;
    const c = pred[t];
    if (c === LONG) out[t] = 1;
    else if (c === SHORT) out[t] = short;
  }
  return out;
}
