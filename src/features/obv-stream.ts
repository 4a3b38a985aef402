import { SmaStream } from './sma-stream.js';
import { BAR, BAR_FIELDS, type StreamingIndicator } from './streaming-indicator.js';

/** Streaming twin of `obv`: 0 on the first bar, then ± the bar's volume on an up/down close; bit-identical. */
export class ObvStream implements StreamingIndicator {
  value = Number.NaN;
  private readonly bar = new Float64Array(BAR_FIELDS.length);
  private started = false;
  private prevClose = 0;
  private acc = 0;

  reset(): void {
    this.value = Number.NaN;
    this.started = false;
    this.prevClose = 0;
    this.acc = 0;
  }

  push(close: number, volume: number): number {
    this.bar[BAR.close] = close;
    this.bar[BAR.volume] = volume;
    this.pushBar(this.bar);
    return this.value;
  }

  pushBar(bar: Float64Array): void {
    const close = bar[BAR.close];
    if (this.started) {
      const d = close - this.prevClose;
      if (d > 0) this.acc += bar[BAR.volume];
      else if (d < 0) this.acc -= bar[BAR.volume];
    }
    this.started = true;
    this.prevClose = close;
    this.value = this.acc;
  }
}

/**
 * Streaming twin of the obv_flow20 feature: (OBV_t − OBV_{t−n}) over the window's total volume (n·SMA(n) of
 * volume, the batch's arithmetic), in [−1, 1]; 0 when the total is not positive; NaN for t < n.
 */
export class ObvFlowStream implements StreamingIndicator {
  value = Number.NaN;
  private readonly obv = new ObvStream();
  private readonly volumeSma: SmaStream;
  private readonly ring: Float64Array;
  private readonly bar = new Float64Array(BAR_FIELDS.length);
  private i = 0;
  private pos = 0;

  constructor(readonly n = 20) {
    this.volumeSma = new SmaStream(n);
    this.ring = new Float64Array(n);
  }

  reset(): void {
    this.value = Number.NaN;
    this.obv.reset();
    this.volumeSma.reset();
    this.ring.fill(0);
    this.i = 0;
    this.pos = 0;
  }

  push(close: number, volume: number): number {
    this.bar[BAR.close] = close;
    this.bar[BAR.volume] = volume;
    this.pushBar(this.bar);
    return this.value;
  }

  pushBar(bar: Float64Array): void {
    const i = this.i++;
    this.obv.pushBar(bar);
    this.volumeSma.pushFrom(bar, BAR.volume);
    const o = this.obv.value;
    const total = this.volumeSma.value * this.n;
    const old = this.ring[this.pos]; // OBV n bars ago once the ring is full
    this.ring[this.pos] = o;
    if (++this.pos === this.n) this.pos = 0;
    if (i >= this.n) this.value = total > 0 ? (o - old) / total : 0;
  }
}
