import { assertPeriod } from './kernel-utils.js';
import type { StreamingIndicator } from './streaming-indicator.js';

/**
 * Streaming twin of `ema` (TA-Lib convention): seeded with the mean of the first n defined inputs, then
 * ((x − prev)·α) + prev in the batch's operation order; bit-identical to the batch. Leading NaN inputs are
 * skipped, so an EMA of an indicator seeds when that indicator is defined.
 */
export class EmaStream implements StreamingIndicator {
  value = Number.NaN;
  private readonly alpha: number;
  private readonly input = new Float64Array(1);
  private k = -1;
  private sum = 0;

  constructor(readonly n: number) {
    assertPeriod('ema', n);
    this.alpha = 2 / (n + 1);
  }

  reset(): void {
    this.value = Number.NaN;
    this.k = -1;
    this.sum = 0;
  }

  push(x: number): number {
    this.input[0] = x;
    this.pushFrom(this.input, 0);
    return this.value;
  }

  pushFrom(src: Float64Array, i: number): void {
    const x = src[i];
    if (this.k < 0 && Number.isNaN(x)) return;
    const k = ++this.k;
    if (k < this.n) {
      this.sum += x;
      if (k === this.n - 1) this.value = this.sum / this.n;
      return;
    }
    this.value = (x - this.value) * this.alpha + this.value;
  }
}
