import type { Frequency } from '../data/index.js';
import { BARS_PER_SESSION_5M, SESSION_OPEN_MINUTE, tzOffsetMs } from '../data/index.js';
import { AtrStream, BAR, EmaStream, RollingVwapStream, SessionVwapStream } from '../features/index.js';
import type { BaselineStrategy } from './baseline-strategy.js';

/** Options of the intraday baseline. */
export interface IntradayOptions {
  allowShort: boolean;
  /** VWAP anchoring (features.vwap_mode resolved: session for 5-minute bars, rolling for daily). */
  vwapMode: 'session' | 'rolling';
  tz: string;
  /** With 5-minute bars the strategy goes flat for the session's last two bars (no overnight exposure). */
  frequency: Frequency;
}

const SESSION_CLOSE_MINUTE = SESSION_OPEN_MINUTE + 5 * BARS_PER_SESSION_5M;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * The intraday baseline: EMA(9)/EMA(21) momentum confirmed by price against VWAP. Direction +1 when
 * EMA9 > EMA21 and close > VWAP, −1 (0 without shorts) when EMA9 < EMA21 and close < VWAP, else 0;
 * strength |EMA9 − EMA21| / ATR(14), so a crossover worth a full average true range sizes to a full
 * position. On 5-minute bars decisions at or after 15:20 are flat: a target decided at a bar's close
 * executes at the next open, so this closes the book at the 15:25 open.
 */
export class IntradayStrategy implements BaselineStrategy {
  readonly kind = 'intraday' as const;
  direction = 0;
  strength = 0;
  private readonly fast = new EmaStream(9);
  private readonly slow = new EmaStream(21);
  private readonly atr = new AtrStream(14);
  private readonly vwap: SessionVwapStream | RollingVwapStream;
  /** UTC day whose zone offset is cached, and that offset (NaN when it changes within the day). */
  private offsetDay = Number.NaN;
  private dayOffset = Number.NaN;

  constructor(private readonly opts: IntradayOptions) {
    this.vwap = opts.vwapMode === 'session' ? new SessionVwapStream(opts.tz) : new RollingVwapStream(20);
  }

  reset(): void {
    this.fast.reset();
    this.slow.reset();
    this.atr.reset();
    this.vwap.reset();
    this.direction = 0;
    this.strength = 0;
  }

  update(bar: Float64Array): void {
    this.fast.pushFrom(bar, BAR.close);
    this.slow.pushFrom(bar, BAR.close);
    this.atr.pushBar(bar);
    this.vwap.pushBar(bar);
    const f = this.fast.value;
    const s = this.slow.value;
    const atr = this.atr.value;
    const close = bar[BAR.close];
    const vwap = this.vwap.value;
    let dir = 0;
    if (f > s && close > vwap) dir = 1;
    else if (f < s && close < vwap) dir = this.opts.allowShort ? -1 : 0;
    if (
      dir !== 0 &&
      this.opts.frequency === '5m' &&
      this.localMinute(bar[BAR.ts]) >= SESSION_CLOSE_MINUTE - 10
    ) {
      dir = 0;
    }
    const strength = atr > 0 ? Math.abs(f - s) / atr : 0;
    this.direction = dir;
    this.strength = dir === 0 || !Number.isFinite(strength) ? 0 : strength;
  }

  /**
   * localMinuteOfDay(ts, tz) without a zone lookup per bar: the offset is looked up once per UTC day and
   * reused when it is the same at both ends of the day (tzOffsetMs models at most one change a day).
   */
  private localMinute(ts: number): number {
    const day = Math.floor(ts / DAY_MS);
    if (day !== this.offsetDay) {
      const tz = this.opts.tz;
      const a = tzOffsetMs(tz, day * DAY_MS);
      this.offsetDay = day;
      this.dayOffset = a === tzOffsetMs(tz, day * DAY_MS + DAY_MS - 1) ? a : Number.NaN;
    }
    const off = Number.isNaN(this.dayOffset) ? tzOffsetMs(this.opts.tz, ts) : this.dayOffset;
    const local = ts + off;
    return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / MINUTE_MS);
  }
}
