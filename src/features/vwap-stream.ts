import { assertPeriod, RECOMPUTE_EVERY } from './kernel-utils.js';
import { SessionKeyStream } from './session-keys-stream.js';
import { BAR, BAR_FIELDS, ringSum, type StreamingIndicator } from './streaming-indicator.js';

/**
 * Streaming twin of `rollingVwap`: Σ(tp·v)/Σv over the last n bars from rings of tp·v and v, with the
 * batch's add-then-remove order and its recomputation every RECOMPUTE_EVERY rows (counted from bar 0);
 * bit-identical. Zero window volume falls back to the bar's typical price.
 */
export class RollingVwapStream implements StreamingIndicator {
  value = Number.NaN;
  private readonly pvRing: Float64Array;
  private readonly vRing: Float64Array;
  private readonly bar = new Float64Array(BAR_FIELDS.length);
  private pos = 0;
  private i = 0;
  private pv = 0;
  private v = 0;

  constructor(readonly n = 20) {
    assertPeriod('rollingVwap', n);
    this.pvRing = new Float64Array(n);
    this.vRing = new Float64Array(n);
  }

  reset(): void {
    this.value = Number.NaN;
    this.pvRing.fill(0);
    this.vRing.fill(0);
    this.pos = 0;
    this.i = 0;
    this.pv = 0;
    this.v = 0;
  }

  push(high: number, low: number, close: number, volume: number): number {
    const b = this.bar;
    b[BAR.high] = high;
    b[BAR.low] = low;
    b[BAR.close] = close;
    b[BAR.volume] = volume;
    this.pushBar(b);
    return this.value;
  }

  pushBar(bar: Float64Array): void {
    const i = this.i++;
    const n = this.n;
    const volume = bar[BAR.volume];
    const tp = (bar[BAR.high] + bar[BAR.low] + bar[BAR.close]) / 3;
    const term = tp * volume;
    const pos = this.pos;
    const oldPv = this.pvRing[pos];
    const oldV = this.vRing[pos];
    this.pvRing[pos] = term;
    this.vRing[pos] = volume;
    this.pos = pos + 1 === n ? 0 : pos + 1;
    if (i >= n && i % RECOMPUTE_EVERY === 0) {
      this.pv = ringSum(this.pvRing, this.pos);
      this.v = ringSum(this.vRing, this.pos);
    } else {
      this.pv += term;
      this.v += volume;
      if (i >= n) {
        this.pv -= oldPv;
        this.v -= oldV;
      }
    }
    if (i >= n - 1) this.value = this.v > 0 ? this.pv / this.v : tp;
  }
}

/**
 * Streaming twin of `sessionVwap`: cumulative Σ(tp·v)/Σv since the first bar of the bar's exchange-local
 * date (keys from SessionKeyStream, identical to the batch's), reset on each new date; bit-identical.
 */
export class SessionVwapStream implements StreamingIndicator {
  value = Number.NaN;
  private readonly keys: SessionKeyStream;
  private readonly bar = new Float64Array(BAR_FIELDS.length);
  private started = false;
  private lastKey = Number.NaN;
  private pv = 0;
  private v = 0;

  constructor(readonly tz: string) {
    this.keys = new SessionKeyStream(tz);
  }

  reset(): void {
    this.value = Number.NaN;
    this.started = false;
    this.lastKey = Number.NaN;
    this.pv = 0;
    this.v = 0;
  }

  push(ts: number, high: number, low: number, close: number, volume: number): number {
    const b = this.bar;
    b[BAR.ts] = ts;
    b[BAR.high] = high;
    b[BAR.low] = low;
    b[BAR.close] = close;
    b[BAR.volume] = volume;
    this.pushBar(b);
    return this.value;
  }

  pushBar(bar: Float64Array): void {
    const key = this.keys.keyFrom(bar, BAR.ts);
    if (!this.started || key !== this.lastKey) {
      this.pv = 0;
      this.v = 0;
    }
    this.started = true;
    this.lastKey = key;
    const volume = bar[BAR.volume];
    const tp = (bar[BAR.high] + bar[BAR.low] + bar[BAR.close]) / 3;
    this.pv += tp * volume;
    this.v += volume;
    this.value = this.v > 0 ? this.pv / this.v : tp;
  }
}
