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
  private readonly input = new Float64Array(1);

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
    this.input[0] = x;
    this.pushFrom(this.input, 0);
    return this.value;
  }

  pushFrom(src: Float64Array, i: number): void {
    this.sma.pushFrom(src, i);
    this.std.pushFrom(src, i);
    const middle = this.sma.value;
    this.sd = this.std.value;
    const w = this.k * this.sd;
    this.upper = middle + w;
    this.lower = middle - w;
    this.middle = middle;
    this.value = middle;
  }
}
