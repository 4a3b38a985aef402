import { assertPeriod } from './kernel-utils.js';
import { RollingStdStream } from './rolling-std-stream.js';
import type { StreamingIndicator } from './streaming-indicator.js';

/** Streaming twin of `logReturn`: ln(c_t / c_{t−k}) from a ring of the last k closes; NaN for t < k. */
export class LogReturnStream implements StreamingIndicator {
  value = Number.NaN;
  private readonly ring: Float64Array;
  private pos = 0;
  private i = 0;

  constructor(readonly k = 1) {
    assertPeriod('logReturn', k);
    this.ring = new Float64Array(k);
  }

  reset(): void {
    this.value = Number.NaN;
    this.ring.fill(0);
    this.pos = 0;
    this.i = 0;
  }

  push(close: number): number {
    if (this.i++ >= this.k) this.value = Math.log(close / this.ring[this.pos]);
    this.ring[this.pos] = close;
    if (++this.pos === this.k) this.pos = 0;
    return this.value;
  }
}

/** Streaming twin of `rollingVolatility`: sample std of the last n one-bar log returns (first at row n). */
export class RollingVolatilityStream implements StreamingIndicator {
  value = Number.NaN;
  private readonly ret = new LogReturnStream(1);
  private readonly std: RollingStdStream;

  constructor(readonly n = 20) {
    assertPeriod('rollingVolatility', n, 2);
    this.std = new RollingStdStream(n, 1);
  }

  reset(): void {
    this.value = Number.NaN;
    this.ret.reset();
    this.std.reset();
  }

  push(close: number): number {
    this.value = this.std.push(this.ret.push(close));
    return this.value;
  }
}
