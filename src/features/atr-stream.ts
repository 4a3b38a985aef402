import { trueRangeAt } from './atr.js';
import { assertPeriod } from './kernel-utils.js';
import { BAR, BAR_FIELDS, type StreamingIndicator } from './streaming-indicator.js';

/** Streaming twin of `trueRange`: NaN on the first bar (no previous close), then max(h−l, |h−c₋₁|, |l−c₋₁|). */
export class TrueRangeStream implements StreamingIndicator {
  value = Number.NaN;
  private readonly bar = new Float64Array(BAR_FIELDS.length);
  private started = false;
  private prevClose = 0;

  reset(): void {
    this.value = Number.NaN;
    this.started = false;
    this.prevClose = 0;
  }

  push(high: number, low: number, close: number): number {
    this.bar[BAR.high] = high;
    this.bar[BAR.low] = low;
    this.bar[BAR.close] = close;
    this.pushBar(this.bar);
    return this.value;
  }

  pushBar(bar: Float64Array): void {
    if (this.started) this.value = trueRangeAt(bar[BAR.high], bar[BAR.low], this.prevClose);
    this.started = true;
    this.prevClose = bar[BAR.close];
  }
}

/**
 * Streaming twin of `atr` (TA-Lib): the mean of TR[1..n] at row n, then atr ← (atr·(n−1) + TR)/n;
 * bit-identical to the batch.
 */
export class AtrStream implements StreamingIndicator {
  value = Number.NaN;
  private readonly bar = new Float64Array(BAR_FIELDS.length);
  private i = 0;
  private prevClose = 0;
  private acc = 0;

  constructor(readonly n = 14) {
    assertPeriod('atr', n);
  }

  reset(): void {
    this.value = Number.NaN;
    this.i = 0;
    this.prevClose = 0;
    this.acc = 0;
  }

  push(high: number, low: number, close: number): number {
    this.bar[BAR.high] = high;
    this.bar[BAR.low] = low;
    this.bar[BAR.close] = close;
    this.pushBar(this.bar);
    return this.value;
  }

  pushBar(bar: Float64Array): void {
    const i = this.i++;
    const prevClose = this.prevClose;
    this.prevClose = bar[BAR.close];
    if (i === 0) return;
    const tr = trueRangeAt(bar[BAR.high], bar[BAR.low], prevClose);
    const n = this.n;
    if (i < n) this.acc += tr;
    else if (i === n) {
      this.acc += tr;
      this.acc /= n;
      this.value = this.acc;
    } else {
      this.acc = (this.acc * (n - 1) + tr) / n;
      this.value = this.acc;
    }
  }
}
