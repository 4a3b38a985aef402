import { assertPeriod } from './kernel-utils.js';
import { RollingStdStream } from './rolling-std-stream.js';
import type { StreamingIndicator } from './streaming-indicator.js';

/** Streaming twin of `logReturn`: ln(c_t / c_{t−k}) from a ring of the last k closes; NaN for t < k. */
export class LogReturnStream implements StreamingIndicator {
  value = Number.NaN;
  private readonly ring: Float64Array;
  private readonly input = new Float64Array(1);
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
    this.input[0] = close;
    this.pushFrom(this.input, 0);
    return this.value;
  }

  pushFrom(src: Float64Array, at: number): void {
    const close = src[at];
    if (this.i++ >= this.k) this.value = Math.log(close / this.ring[this.pos]);
    this.ring[this.pos] = close;
    if (++this.pos === this.k) this.pos = 0;
  }
}

/** Streaming twin of `rollingVolatility`: sample std of the last n one-bar log returns (first at row n). */
export class RollingVolatilityStream implements StreamingIndicator {
  value = Number.NaN;
  private readonly ret = new LogReturnStream(1);
  private readonly std: RollingStdStream;
  private readonly buf = new Float64Array(1);

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
    this.buf[0] = close;
    this.pushFrom(this.buf, 0);
    return this.value;
  }

  pushFrom(src: Float64Array, at: number): void {
    this.ret.pushFrom(src, at);
    this.buf[0] = this.ret.value;
    this.std.pushFrom(this.buf, 0);
    this.value = this.std.value;
  }
}
