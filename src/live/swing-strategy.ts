import { BAR } from '../features/index.js';
import type { BaselineStrategy } from './baseline-strategy.js';

/**
 * The swing baseline: SMA(20)/SMA(50) crossover of closes ≤ t — the project's rule baseline
 * (`smaCrossoverTarget`, validation's `smaPolicy`) as a per-symbol state machine. Direction +1 while the
 * fast SMA is above the slow one, −1 (0 without shorts) while below, 0 on a tie and during the first 49
 * bars; strength 1 (a regime rule holds a full position). Bit-identical to the batch rule from the series'
 * first bar: the same running sums, re-summed on the same bars (t mod 1024 = 1023) from a ring of closes.
 */
export class SwingStrategy implements BaselineStrategy {
  readonly kind = 'swing' as const;
  direction = 0;
  strength = 0;
  private readonly ring: Float64Array;
  private t = 0;
  private sumF = 0;
  private sumS = 0;

  constructor(
    private readonly allowShort: boolean,
    private readonly fast = 20,
    private readonly slow = 50,
  ) {
    this.ring = new Float64Array(slow);
  }

  reset(): void {
    this.t = 0;
    this.sumF = 0;
    this.sumS = 0;
    this.direction = 0;
    this.strength = 0;
    this.ring.fill(0);
  }

  update(bar: Float64Array): void {
    const { fast, slow, ring } = this;
    const t = this.t++;
    const c = bar[BAR.close];
    const slot = t % slow;
    const leaving = ring[slot]; // close[t − slow] once t ≥ slow
    ring[slot] = c;
    this.sumF += c;
    this.sumS += c;
    if (t >= fast) this.sumF -= ring[(t - fast) % slow];
    if (t >= slow) this.sumS -= leaving;
    if ((t & 1023) === 1023) {
      let f = 0;
      let s = 0;
      for (let k = Math.max(0, t - fast + 1); k <= t; k++) f += ring[k % slow];
      for (let k = Math.max(0, t - slow + 1); k <= t; k++) s += ring[k % slow];
      this.sumF = f;
      this.sumS = s;
    }
    if (t < slow - 1) {
      this.direction = 0;
      this.strength = 0;
      return;
    }
    const f = this.sumF / fast;
    const s = this.sumS / slow;
    const tol = 1e-12 * Math.abs(s);
    this.direction = f - s > tol ? 1 : s - f > tol ? (this.allowShort ? -1 : 0) : 0;
    this.strength = this.direction === 0 ? 0 : 1;
  }
}
