import { assertPeriod, RECOMPUTE_EVERY } from './kernel-utils.js';
import { ringSum, type StreamingIndicator } from './streaming-indicator.js';

/**
 * Streaming twin of `sma`: same running sum, subtracting the value that leaves the window, and the same
 * recomputation from scratch every RECOMPUTE_EVERY defined rows, so it is bit-identical to the batch.
 * Leading NaN inputs are skipped as the batch's `firstDefined`.
 * @example const s = new SmaStream(20); for (const c of closes) s.push(c); s.value
 */
export class SmaStream implements StreamingIndicator {
  value = Number.NaN;
  private readonly ring: Float64Array;
  private readonly input = new Float64Array(1);
  private pos = 0;
  /** Defined inputs seen minus one (the batch's i − s). */
  private k = -1;
  private sum = 0;

  constructor(readonly n: number) {
    assertPeriod('sma', n);
    this.ring = new Float64Array(n);
  }

  reset(): void {
    this.value = Number.NaN;
    this.ring.fill(0);
    this.pos = 0;
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
    const n = this.n;
    const ring = this.ring;
    const old = ring[this.pos];
    ring[this.pos] = x;
    if (++this.pos === n) this.pos = 0;
    if (k < n) {
      this.sum += x;
      if (k === n - 1) this.value = this.sum / n;
      return;
    }
    if (k % RECOMPUTE_EVERY === 0) this.sum = ringSum(ring, this.pos);
    else this.sum += x - old;
    this.value = this.sum / n;
  }
}
