import { LONG, NOOP, SHORT } from '../labels/index.js';

/** Decision accuracy against realised forward-return labels (the telemetry accuracy of the reference). */
export interface AccuracyMetrics {
  /** Share of LONG decisions whose realised label was LONG. */
  precision_long: number;
  /** Share of bars whose decision class (LONG / SHORT / flat = NOOP) equals the realised label. */
  accuracy: number;
  long_decisions: number;
  labelled_bars: number;
}

/**
 * Scores decisions (targets +1 / −1 / 0 read as LONG / SHORT / NOOP) against realised labels; bars
 * whose label is unknown (−1: horizon past the data) are skipped. 0/0 is reported as 0.
 */
export function accuracyMetrics(target: Int8Array, realised: Int8Array): AccuracyMetrics {
  let longs = 0;
  let longRight = 0;
  let labelled = 0;
  let right = 0;
  for (let i = 0; i < target.length; i++) {
    const y = realised[i];
    if (y < 0) continue;
    labelled++;
    const d = target[i] > 0 ? LONG : target[i] < 0 ? SHORT : NOOP;
    if (d === y) right++;
    if (d === LONG) {
      longs++;
      if (y === LONG) longRight++;
    }
  }
  return {
    precision_long: longs > 0 ? longRight / longs : 0,
    accuracy: labelled > 0 ? right / labelled : 0,
    long_decisions: longs,
    labelled_bars: labelled,
  };
}
