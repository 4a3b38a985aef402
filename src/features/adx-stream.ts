import { trueRangeAt } from './atr.js';
import { assertPeriod, isTaZero } from './kernel-utils.js';
import { BAR, BAR_FIELDS, type StreamingIndicator } from './streaming-indicator.js';

/**
 * Streaming twin of `adx` (TA-Lib's ADX, +DI, −DI): the same Wilder sums seeded over bars 1..n−1, ±DI from
 * row n, ADX the mean of the first n DX values at row 2n−1 and smoothed afterwards; bit-identical.
 * `value` is the ADX; `plusDi` and `minusDi` are updated by the same push.
 */
export class AdxStream implements StreamingIndicator {
  value = Number.NaN;
  plusDi = Number.NaN;
  minusDi = Number.NaN;
  private readonly bar = new Float64Array(BAR_FIELDS.length);
  private i = 0;
  private prevHigh = 0;
  private prevLow = 0;
  private prevClose = 0;
  private pdm = 0;
  private mdm = 0;
  private tr = 0;
  private sumDx = 0;

  constructor(readonly n = 14) {
    assertPeriod('adx', n, 2);
  }

  reset(): void {
    this.value = Number.NaN;
    this.plusDi = Number.NaN;
    this.minusDi = Number.NaN;
    this.i = 0;
    this.prevHigh = 0;
    this.prevLow = 0;
    this.prevClose = 0;
    this.pdm = 0;
    this.mdm = 0;
    this.tr = 0;
    this.sumDx = 0;
  }

  push(high: number, low: number, close: number): number {
    this.bar[BAR.high] = high;
    this.bar[BAR.low] = low;
    this.bar[BAR.close] = close;
    this.pushBar(this.bar);
    return this.value;
  }

  pushBar(bar: Float64Array): void {
    const high = bar[BAR.high];
    const low = bar[BAR.low];
    const close = bar[BAR.close];
    const i = this.i++;
    const up = high - this.prevHigh;
    const down = this.prevLow - low;
    const prevClose = this.prevClose;
    this.prevHigh = high;
    this.prevLow = low;
    this.prevClose = close;
    if (i === 0) return;
    const n = this.n;
    if (i < n) {
      if (down > 0 && up < down) this.mdm += down;
      else if (up > 0 && up > down) this.pdm += up;
      this.tr += trueRangeAt(high, low, prevClose);
      return;
    }
    this.mdm -= this.mdm / n;
    this.pdm -= this.pdm / n;
    if (down > 0 && up < down) this.mdm += down;
    else if (up > 0 && up > down) this.pdm += up;
    this.tr = this.tr - this.tr / n + trueRangeAt(high, low, prevClose);
    // ±DI from the smoothed sums; DX is NaN when undefined, as the batch.
    let dx = Number.NaN;
    if (isTaZero(this.tr)) {
      this.plusDi = 0;
      this.minusDi = 0;
    } else {
      const m = 100 * (this.mdm / this.tr);
      const p = 100 * (this.pdm / this.tr);
      this.plusDi = p;
      this.minusDi = m;
      const s = m + p;
      if (!isTaZero(s)) dx = 100 * (Math.abs(m - p) / s);
    }
    if (i < 2 * n - 1) {
      if (!Number.isNaN(dx)) this.sumDx += dx;
    } else if (i === 2 * n - 1) {
      if (!Number.isNaN(dx)) this.sumDx += dx;
      this.value = this.sumDx / n;
    } else if (!Number.isNaN(dx)) this.value = (this.value * (n - 1) + dx) / n;
  }
}
