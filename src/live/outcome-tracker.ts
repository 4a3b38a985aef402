import { BAR } from '../features/index.js';
import { LONG, NOOP, SHORT } from '../labels/index.js';
import type { StudentMonitor } from './student-monitor.js';

/**
 * Realised outcomes of the student's decisions, per symbol, fed to the monitor as bars arrive:
 * - each decision (its student-only target, as validation decides) waits `horizon` bars for its label —
 *   entry at the next bar's open, exit at the close `horizon` bars on, LONG if the return ≥ the model's
 *   min_holding_return, SHORT if ≤ −it, else NOOP (labelForwardReturns) — then counts toward precision;
 * - each bar the student's position is held counts toward the hit ratio exactly as the backtest counts
 *   it (close→close while held, open→close on the bar it is entered).
 * Typed-array rings of horizon + 1 slots per symbol: O(1) per bar, no allocation.
 */
export class OutcomeTracker {
  private readonly slots: number;
  private readonly pred: Int8Array;
  private readonly entry: Float64Array;
  private readonly bars: Float64Array;
  /** bars mod slots per symbol: the ring slot of the next decision (kept so no bar pays a division). */
  private readonly ring: Int32Array;
  private readonly prevTarget: Float64Array;
  private readonly heldTarget: Float64Array;
  private readonly prevClose: Float64Array;

  constructor(
    symbols: number,
    readonly horizon: number,
    readonly minHoldingReturn: number,
    private readonly monitor: StudentMonitor,
  ) {
    this.slots = horizon + 1;
    this.pred = new Int8Array(symbols * this.slots).fill(-1);
    this.entry = new Float64Array(symbols * this.slots);
    this.bars = new Float64Array(symbols);
    this.ring = new Int32Array(symbols);
    this.prevTarget = new Float64Array(symbols);
    this.heldTarget = new Float64Array(symbols);
    this.prevClose = new Float64Array(symbols).fill(Number.NaN);
  }

  /** Forgets pending decisions and positions (a new model: its record starts empty). */
  reset(): void {
    this.pred.fill(-1);
    this.prevTarget.fill(0);
    this.heldTarget.fill(0);
  }

  /**
   * One decision-window bar of symbol `s` (BAR_FIELDS order), after the student decided `target` at its
   * close. Outcomes count at the monitor's current bar time (its `at`).
   */
  onBar(s: number, bar: Float64Array, target: number): void {
    const m = this.monitor;
    const open = bar[BAR.open];
    const close = bar[BAR.close];
    // 1. The bar the previous decision was executed into (position = target[j−1], before = target[j−2]).
    const cur = this.prevTarget[s];
    if (cur !== 0) {
      const held = cur === this.heldTarget[s];
      const g = held ? cur * (close / this.prevClose[s] - 1) : cur * (close / open - 1);
      m.recordHeldBar(g > 0);
    }
    this.heldTarget[s] = cur;
    this.prevTarget[s] = target;
    this.prevClose[s] = close;
    // 2. This bar's open is the entry of the previous decision; 3. its close the exit of the one h bars ago.
    // Slots of bar j: j mod slots (this decision), j − 1 (the previous one), j − horizon ≡ j + 1.
    const j = this.bars[s]++;
    const slots = this.slots;
    const base = s * slots;
    const at = this.ring[s];
    const after = at + 1 === slots ? 0 : at + 1;
    this.ring[s] = after;
    if (j >= 1) this.entry[base + (at === 0 ? slots - 1 : at - 1)] = open;
    if (j >= this.horizon) {
      const k = base + after;
      const p = this.pred[k];
      const e = this.entry[k];
      if (p >= 0 && e > 0 && Number.isFinite(e) && Number.isFinite(close)) {
        const r = close / e - 1;
        const label = r >= this.minHoldingReturn ? LONG : r <= -this.minHoldingReturn ? SHORT : NOOP;
        m.recordOutcome(p === LONG, p === label);
      }
      this.pred[k] = -1;
    }
    // 4. This decision waits for its horizon.
    this.pred[base + at] = target > 0 ? LONG : target < 0 ? SHORT : NOOP;
  }
}
