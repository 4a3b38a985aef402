/** Counters the monitor keeps per bar time. */
export const COUNTS = { longs: 0, longHits: 1, inMarket: 2, hits: 3 } as const;
const WIDTH = 4;

/**
 * Outcome counts over a sliding window of bar time: one bucket per bar time (outcomes arrive in time
 * order), evicted when it leaves the window, with running totals — O(1) per outcome, and the memory is
 * one bucket per bar time in the window, not one per outcome. The ring doubles when full (rare).
 */
export class RollingCounts {
  private times = new Float64Array(256);
  private counts = new Float64Array(256 * WIDTH);
  private head = 0;
  private size = 0;
  /** Slot of the newest bucket ((head + size − 1) mod capacity, kept so an add pays no division). */
  private tail = -1;
  /** Totals over the buckets in the window (COUNTS order). */
  readonly totals = new Float64Array(WIDTH);

  private readonly clock = new Float64Array(1);

  /** Sets the bar time later adds count at (≥ every earlier time). */
  at(time: number): void {
    this.clock[0] = time;
  }

  /** Adds `n` to counter `field` at the current bar time (see at()). */
  add(field: number, n = 1): void {
    const time = this.clock[0];
    let last = this.tail;
    if (this.size === 0 || this.times[last] !== time) {
      if (this.size === this.times.length) this.grow();
      last = this.tail + 1 === this.times.length ? 0 : this.tail + 1;
      this.tail = last;
      this.times[last] = time;
      const base = last * WIDTH;
      for (let f = 0; f < WIDTH; f++) this.counts[base + f] = 0;
      this.size++;
    }
    this.counts[last * WIDTH + field] += n;
    this.totals[field] += n;
  }

  /** Drops buckets at or before `cutoff` (the window is (now − length, now]). */
  evict(cutoff: number): void {
    const cap = this.times.length;
    while (this.size > 0 && this.times[this.head] <= cutoff) {
      const base = this.head * WIDTH;
      for (let f = 0; f < WIDTH; f++) this.totals[f] -= this.counts[base + f];
      this.head = (this.head + 1) % cap;
      this.size--;
    }
    if (this.size === 0) this.totals.fill(0); // no rounding residue: counts are small integers anyway
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
    this.tail = -1;
    this.totals.fill(0);
  }

  /** Bar times held. */
  get buckets(): number {
    return this.size;
  }

  private grow(): void {
    const cap = this.times.length;
    const times = new Float64Array(cap * 2);
    const counts = new Float64Array(cap * 2 * WIDTH);
    for (let i = 0; i < this.size; i++) {
      const j = (this.head + i) % cap;
      times[i] = this.times[j];
      counts.set(this.counts.subarray(j * WIDTH, j * WIDTH + WIDTH), i * WIDTH);
    }
    this.times = times;
    this.counts = counts;
    this.head = 0;
    this.tail = this.size - 1;
  }
}
