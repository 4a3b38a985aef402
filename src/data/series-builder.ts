import { allocBars, type BarSeries } from './types.js';

/** Growable struct-of-arrays buffer that bars are appended to, one symbol each. */
export class SeriesBuilder {
  length = 0;
  lastTs = Number.NEGATIVE_INFINITY;
  private buf: BarSeries;

  constructor(
    readonly symbol: string,
    readonly tz: string,
    capacity = 1024,
  ) {
    this.buf = allocBars(symbol, tz, capacity);
  }

  /** Appends one bar (caller has validated it). */
  push(ts: number, o: number, h: number, l: number, c: number, v: number): void {
    if (this.length === this.buf.ts.length) this.grow();
    const i = this.length++;
    const b = this.buf;
    b.ts[i] = ts;
    b.open[i] = o;
    b.high[i] = h;
    b.low[i] = l;
    b.close[i] = c;
    b.volume[i] = v;
    this.lastTs = ts;
  }

  private grow(): void {
    const old = this.buf;
    const next = allocBars(this.symbol, this.tz, old.ts.length * 2);
    next.ts.set(old.ts);
    next.open.set(old.open);
    next.high.set(old.high);
    next.low.set(old.low);
    next.close.set(old.close);
    next.volume.set(old.volume);
    this.buf = next;
  }

  /** The bars appended so far, trimmed to length (copies, so the builder can be dropped). */
  build(): BarSeries {
    const b = this.buf;
    const n = this.length;
    return {
      symbol: this.symbol,
      tz: this.tz,
      ts: b.ts.slice(0, n),
      open: b.open.slice(0, n),
      high: b.high.slice(0, n),
      low: b.low.slice(0, n),
      close: b.close.slice(0, n),
      volume: b.volume.slice(0, n),
    };
  }
}
