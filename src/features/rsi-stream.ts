import { assertPeriod } from './kernel-utils.js';
import { rsiValue } from './rsi.js';
import type { StreamingIndicator } from './streaming-indicator.js';

/**
 * Streaming twin of `rsi` (Wilder, TA-Lib): the first averages are the means of the first n changes, then
 * avg ← (avg·(n−1) + change)/n with the batch's operation order; bit-identical, first value at row n.
 */
export class RsiStream implements StreamingIndicator {
  value = Number.NaN;
  private readonly input = new Float64Array(1);
  private i = 0;
  private prev = 0;
  private gain = 0;
  private loss = 0;

  constructor(readonly n = 14) {
    assertPeriod('rsi', n);
  }

  reset(): void {
    this.value = Number.NaN;
    this.i = 0;
    this.prev = 0;
    this.gain = 0;
    this.loss = 0;
  }

  push(close: number): number {
    this.input[0] = close;
    this.pushFrom(this.input, 0);
    return this.value;
  }

  pushFrom(src: Float64Array, at: number): void {
    const close = src[at];
    const i = this.i++;
    const d = close - this.prev;
    this.prev = close;
    if (i === 0) return;
    const n = this.n;
    if (i <= n) {
      if (d < 0) this.loss -= d;
      else this.gain += d;
      if (i === n) {
        this.gain /= n;
        this.loss /= n;
        this.value = rsiValue(this.gain, this.loss);
      }
      return;
    }
    let gain = this.gain * (n - 1);
    let loss = this.loss * (n - 1);
    if (d < 0) loss -= d;
    else gain += d;
    this.gain = gain / n;
    this.loss = loss / n;
    this.value = rsiValue(this.gain, this.loss);
  }
}
