import { tzOffsetMs } from '../data/index.js';
import { CELL_MS, type Cell, cellOf, DAY_MS } from './session-keys.js';

/**
 * Streaming twin of `sessionKeys`: the exchange-local calendar day (whole days since 1970-01-01 local) of
 * one timestamp at a time, from the same per-timezone one-week offset cells, so keys equal the batch's.
 * The cell of the last week is kept, so a key costs a few arithmetic ops. Throws ConfigError on an
 * unknown timezone.
 */
export class SessionKeyStream {
  private readonly input = new Float64Array(1);
  private week = Number.NaN;
  private cell: Cell = { before: 0, after: 0, change: Number.POSITIVE_INFINITY };

  constructor(readonly tz: string) {
    tzOffsetMs(tz, 0); // validates the timezone up front, as the batch
  }

  /** The session key of epoch-ms `t` (NaN for a non-finite t). */
  key(t: number): number {
    this.input[0] = t;
    return this.keyFrom(this.input, 0);
  }

  /** The session key of the timestamp src[i] (a day count: a small integer, returned unboxed). */
  keyFrom(src: Float64Array, i: number): number {
    const t = src[i];
    if (!Number.isFinite(t)) return Number.NaN;
    const g = Math.floor(t / CELL_MS);
    if (g !== this.week) {
      this.week = g;
      this.cell = cellOf(this.tz, g);
    }
    const cell = this.cell;
    return Math.floor((t + (t < cell.change ? cell.before : cell.after)) / DAY_MS);
  }
}
