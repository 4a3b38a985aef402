import { EmaStream } from './ema-stream.js';
import type { StreamingIndicator } from './streaming-indicator.js';

/**
 * Streaming twin of `macd`: line = EMA(fast) − EMA(slow), signal = EMA(signal) of the line (seeded once the
 * line is defined), hist = line − signal; bit-identical. `value` is the line; `fast` and `slow` are the
 * two EMAs' values at the last row.
 */
export class MacdStream implements StreamingIndicator {
  value = Number.NaN;
  line = Number.NaN;
  signal = Number.NaN;
  hist = Number.NaN;
  fast = Number.NaN;
  slow = Number.NaN;
  private readonly emaFast: EmaStream;
  private readonly emaSlow: EmaStream;
  private readonly emaSignal: EmaStream;
  private readonly buf = new Float64Array(1);

  constructor(fast = 12, slow = 26, signal = 9) {
    this.emaFast = new EmaStream(fast);
    this.emaSlow = new EmaStream(slow);
    this.emaSignal = new EmaStream(signal);
  }

  reset(): void {
    this.value = this.line = this.signal = this.hist = this.fast = this.slow = Number.NaN;
    this.emaFast.reset();
    this.emaSlow.reset();
    this.emaSignal.reset();
  }

  push(close: number): number {
    this.buf[0] = close;
    this.pushFrom(this.buf, 0);
    return this.value;
  }

  pushFrom(src: Float64Array, i: number): void {
    this.emaFast.pushFrom(src, i);
    this.emaSlow.pushFrom(src, i);
    this.fast = this.emaFast.value;
    this.slow = this.emaSlow.value;
    const line = this.fast - this.slow;
    this.buf[0] = line;
    this.emaSignal.pushFrom(this.buf, 0);
    this.signal = this.emaSignal.value;
    this.hist = line - this.signal;
    this.line = line;
    this.value = line;
  }
}
