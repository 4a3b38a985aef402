import { assertPeriod } from './kernel-utils.js';
import { REANCHOR_EVERY } from './rolling-std.js';
import type { StreamingIndicator } from './streaming-indicator.js';

/**
 * Streaming twin of `rollingStd`: running sums of the shifted values x − K with the same re-anchoring
 * schedule (K and the sums reset from the window every REANCHOR_EVERY rows counted from the first full
 * window), so it is bit-identical to the batch. Leading NaN inputs are skipped as the batch does.
 */
export class RollingStdStream implements StreamingIndicator {
  value = Number.NaN;
  private readonly ring: Float64Array;
  private readonly input = new Float64Array(1);
  private readonly denom: number;
  private pos = 0;
  private k = -1;
  private shift = 0;
  private sum = 0;
  private sum2 = 0;

  constructor(
    readonly n: number,
    readonly ddof: 0 | 1 = 0,
  ) {
    assertPeriod('rollingStd', n, ddof + 1);
    this.ring = new Float64Array(n);
    this.denom = n - ddof;
  }

  reset(): void {
    this.value = Number.NaN;
    this.ring.fill(0);
    this.pos = 0;
    this.k = -1;
    this.shift = 0;
    this.sum = 0;
    this.sum2 = 0;
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
    if (k < n - 1) return;
    if ((k - (n - 1)) % REANCHOR_EVERY === 0) {
      this.shift = x;
      this.reanchor();
    } else {
      const din = x - this.shift;
      const dout = old - this.shift;
      this.sum += din - dout;
      this.sum2 += din * din - dout * dout;
    }
    const m2 = this.sum2 - (this.sum * this.sum) / n;
    this.value = m2 > 0 ? Math.sqrt(m2 / this.denom) : 0;
  }

  // Sums of the window's deviations from the new shift, oldest to newest as the batch's j = i − n + 1 … i.
  private reanchor(): void {
    const ring = this.ring;
    const shift = this.shift;
    let sum = 0;
    let sum2 = 0;
    for (let j = this.pos; j < ring.length; j++) {
      const d = ring[j] - shift;
      sum += d;
      sum2 += d * d;
    }
    for (let j = 0; j < this.pos; j++) {
      const d = ring[j] - shift;
      sum += d;
      sum2 += d * d;
    }
    this.sum = sum;
    this.sum2 = sum2;
  }
}
