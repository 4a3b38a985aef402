import { bandsAround } from './bollinger.js';
import { RollingStdStream } from './rolling-std-stream.js';
import { SmaStream } from './sma-stream.js';
import type { StreamingIndicator } from './streaming-indicator.js';

const EMPTY = new Float64Array(0);

/**
 * Streaming twin of `bollinger`: middle = SMA(n), upper/lower = middle ± k·σ (population σ), each from its
 * own streaming twin with the batch's operation order; bit-identical. `value` is the middle band.
 */
export class BollingerStream implements StreamingIndicator {
  value = Number.NaN;
  upper = Number.NaN;
  middle = Number.NaN;
  lower = Number.NaN;
  /** The population standard deviation of the window at the last row. */
  sd = Number.NaN;
  private readonly sma: SmaStream;
  private readonly std: RollingStdStream;

  constructor(
    readonly n = 20,
    readonly k = 2,
  ) {
    bandsAround(EMPTY, EMPTY, k); // validates k with the batch's own check (no rows to compute)
    this.sma = new SmaStream(n);
    this.std = new RollingStdStream(n, 0);
  }

  reset(): void {
    this.value = this.upper = this.middle = this.lower = this.sd = Number.NaN;
    this.sma.reset();
    this.std.reset();
  }

  push(x: number): number {
    const middle = this.sma.push(x);
    this.sd = this.std.push(x);
    const w = this.k * this.sd;
    this.upper = middle + w;
    this.lower = middle - w;
    this.middle = middle;
    this.value = middle;
    return middle;
  }
}
