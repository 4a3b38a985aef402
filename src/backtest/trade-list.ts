/** Closed and open trades of one simulation, as parallel typed arrays of length `count`. */
export interface TradeList {
  count: number;
  /** Bar at whose open the trade was entered. */
  entryIdx: Int32Array;
  /** Bar at whose open the trade was exited; `n` (series length) when still open at the end. */
  exitIdx: Int32Array;
  /** +1 long, −1 short. */
  direction: Int8Array;
  /** Compounded return of the trade's segments before costs. */
  grossReturn: Float64Array;
  /** Compounded return after entry, resize and exit costs. */
  netReturn: Float64Array;
}

/** Growable builder so the simulator allocates O(trades), not O(bars), for the trade list. */
export class TradeListBuilder {
  private cap: number;
  count = 0;
  entryIdx: Int32Array;
  exitIdx: Int32Array;
  direction: Int8Array;
  grossReturn: Float64Array;
  netReturn: Float64Array;

  constructor(capacity = 64) {
    this.cap = Math.max(1, capacity);
    this.entryIdx = new Int32Array(this.cap);
    this.exitIdx = new Int32Array(this.cap);
    this.direction = new Int8Array(this.cap);
    this.grossReturn = new Float64Array(this.cap);
    this.netReturn = new Float64Array(this.cap);
  }

  /** Appends one trade. */
  push(entry: number, exit: number, dir: number, gross: number, net: number): void {
    if (this.count === this.cap) this.grow();
    const i = this.count++;
    this.entryIdx[i] = entry;
    this.exitIdx[i] = exit;
    this.direction[i] = dir;
    this.grossReturn[i] = gross;
    this.netReturn[i] = net;
  }

  /** Trimmed copy of the trades pushed so far. */
  build(): TradeList {
    const c = this.count;
    return {
      count: c,
      entryIdx: this.entryIdx.slice(0, c),
      exitIdx: this.exitIdx.slice(0, c),
      direction: this.direction.slice(0, c),
      grossReturn: this.grossReturn.slice(0, c),
      netReturn: this.netReturn.slice(0, c),
    };
  }

  private grow(): void {
    this.cap *= 2;
    const e = new Int32Array(this.cap);
    e.set(this.entryIdx);
    this.entryIdx = e;
    const x = new Int32Array(this.cap);
    x.set(this.exitIdx);
    this.exitIdx = x;
    const d = new Int8Array(this.cap);
    d.set(this.direction);
    this.direction = d;
    const g = new Float64Array(this.cap);
    g.set(this.grossReturn);
    this.grossReturn = g;
    const r = new Float64Array(this.cap);
    r.set(this.netReturn);
    this.netReturn = r;
  }
}
