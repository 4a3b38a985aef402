import { ConfigError, DataValidationError } from '../core/index.js';
import type { Issue } from '../core/index.js';
import { type BarSeries, tzOffsetMs } from '../data/index.js';
import { LONG, NOOP, SHORT } from './classes.js';

/** Options of the forward-return labeller. */
export interface ForwardReturnOptions {
  /** Holding period in bars: the trade exits at the close of bar t + horizon. */
  horizon: number;
  /** Minimum absolute return for a LONG / SHORT label (fraction, 0.002 = 0.2 %). */
  minHoldingReturn: number;
  /**
   * Intraday (`teacher.strategy: intraday`): the exchange timezone whose local dates are the sessions. A
   * row is labelled only when its exit bar t + horizon is in the session of t, so no label holds a
   * position past a session close. Undefined (swing): windows may span sessions.
   */
  sessionTz?: string;
}

/** Labels aligned with the bars: `valid[t] = 0` rows carry label −1 and forwardReturn NaN. */
export interface ForwardReturnLabels {
  label: Int8Array;
  forwardReturn: Float64Array;
  valid: Uint8Array;
  /** Rows whose horizon runs past the end of the data. */
  excluded: number;
  /** Rows left unlabelled because their window crosses a session close (intraday only; else 0). */
  crossesSession: number;
}

/** Local calendar day number of each bar in `tz`: bars of one session share it. */
function sessionDays(ts: ArrayLike<number>, tz: string): Int32Array {
  const out = new Int32Array(ts.length);
  for (let i = 0; i < ts.length; i++) out[i] = Math.floor((ts[i] + tzOffsetMs(tz, ts[i])) / 86_400_000);
  return out;
}

function validateOptions(opts: ForwardReturnOptions): void {
  const issues: Issue[] = [];
  const { horizon, minHoldingReturn } = opts;
  if (typeof horizon !== 'number' || !Number.isInteger(horizon) || horizon < 1) {
    issues.push({
      path: 'horizon',
      message: 'must be an integer ≥ 1',
      value: horizon,
      fix: 'e.g. horizon: 5',
    });
  }
  if (typeof minHoldingReturn !== 'number' || !Number.isFinite(minHoldingReturn) || minHoldingReturn < 0) {
    issues.push({
      path: 'minHoldingReturn',
      message: 'must be a finite number ≥ 0',
      value: minHoldingReturn,
      fix: 'e.g. minHoldingReturn: 0.002',
    });
  }
  if (issues.length > 0) throw new ConfigError('invalid forward-return label options', issues);
}

/**
 * Labels each signal bar t by the return a trade would realise: entry at open[t+1], exit at
 * close[t+horizon], r = close[t+h] / open[t+1] − 1; LONG if r ≥ m, SHORT if r ≤ −m, else NOOP.
 * With `sessionTz` (intraday), rows whose exit bar falls in a later session stay unlabelled and are counted.
 */
export function labelForwardReturns(bars: BarSeries, opts: ForwardReturnOptions): ForwardReturnLabels {
  validateOptions(opts);
  const { horizon, minHoldingReturn } = opts;
  const { open, close } = bars;
  const n = close.length;
  const label = new Int8Array(n).fill(-1);
  const forwardReturn = new Float64Array(n).fill(Number.NaN);
  const valid = new Uint8Array(n);
  // The signal is known at the close of t, so the earliest fill is the next open; rows whose exit
  // bar does not exist yet stay unlabelled rather than being labelled from a partial horizon.
  const last = n - 1 - horizon;
  const day = opts.sessionTz === undefined ? undefined : sessionDays(bars.ts, opts.sessionTz);
  let crossesSession = 0;
  for (let t = 0; t <= last; t++) {
    // Bars are time-ordered, so an exit in the session of t implies the entry bar t+1 is in it too.
    if (day !== undefined && day[t + horizon] !== day[t]) {
      crossesSession++;
      continue;
    }
    const entry = open[t + 1];
    const exit = close[t + horizon];
    if (!(entry > 0 && Number.isFinite(entry) && Number.isFinite(exit))) {
      const bad = entry > 0 && Number.isFinite(entry) ? `close[${t + horizon}]` : `open[${t + 1}]`;
      throw new DataValidationError('cannot compute forward return', [
        {
          path: `${bars.symbol} ${bad}`,
          message: 'open must be finite and > 0, close must be finite',
          value: { open: entry, close: exit },
          fix: 'clean the bars (drop or repair the row) before labelling',
        },
      ]);
    }
    const r = exit / entry - 1;
    forwardReturn[t] = r;
    valid[t] = 1;
    // LONG is tested first, so with minHoldingReturn = 0 a zero return is LONG (spec is ≥ +m).
    label[t] = r >= minHoldingReturn ? LONG : r <= -minHoldingReturn ? SHORT : NOOP;
  }
  return { label, forwardReturn, valid, excluded: n - Math.max(0, last + 1), crossesSession };
}
