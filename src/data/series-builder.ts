import { allocBars, type BarSeries } from './types.js';

/** Where each bar of a built series came from, for messages and for re-stamping daily bars. */
export interface BarOrigins {
  /** The timestamp's wall-clock time as written, in its own offset (epoch ms of that wall time in UTC). */
  wall: Float64Array;
  /** Index into the importer's file list. */
  file: Int32Array;
  /** 1-based line in that file. */
  line: Int32Array;
}

/** Growable struct-of-arrays buffer that bars are appended to, one symbol each. */
export class SeriesBuilder {
  length = 0;
  lastTs = Number.NEGATIVE_INFINITY;
  private buf: BarSeries;
  private origin: BarOrigins;

  constructor(
    readonly symbol: string,
    readonly tz: string,
    capacity = 1024,
  ) {
    this.buf = allocBars(symbol, tz, capacity);
    this.origin = {
      wall: new Float64Array(capacity),
      file: new Int32Array(capacity),
      line: new Int32Array(capacity),
    };
  }

  /** Appends one bar (caller has validated it), with where it came from. */
  push(
    ts: number,
    o: number,
    h: number,
    l: number,
    c: number,
    v: number,
    wall = 0,
    file = 0,
    line = 0,
  ): void {
    if (this.length === this.buf.ts.length) this.grow();
    const i = this.length++;
    const b = this.buf;
    b.ts[i] = ts;
    b.open[i] = o;
    b.high[i] = h;
    b.low[i] = l;
    b.close[i] = c;
    b.volume[i] = v;
    this.origin.wall[i] = wall;
    this.origin.file[i] = file;
    this.origin.line[i] = line;
    this.lastTs = ts;
  }

  private grow(): void {
    const old = this.buf;
    const cap = old.ts.length * 2;
    const next = allocBars(this.symbol, this.tz, cap);
    next.ts.set(old.ts);
    next.open.set(old.open);
    next.high.set(old.high);
    next.low.set(old.low);
    next.close.set(old.close);
    next.volume.set(old.volume);
    this.buf = next;
    const o = this.origin;
    this.origin = { wall: new Float64Array(cap), file: new Int32Array(cap), line: new Int32Array(cap) };
    this.origin.wall.set(o.wall);
    this.origin.file.set(o.file);
    this.origin.line.set(o.line);
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

  /** Origins of the bars appended so far (copies). */
  origins(): BarOrigins {
    const n = this.length;
    return {
      wall: this.origin.wall.slice(0, n),
      file: this.origin.file.slice(0, n),
      line: this.origin.line.slice(0, n),
    };
  }
}
