import { localDate } from './calendar.js';
import { MS_PER_DAY, MS_PER_MINUTE, weekdayOfDays } from './civil.js';
import { isDailyOrLonger } from './frequency.js';
import { toLocalMs } from './tz-offset.js';
import type { Frequency, SessionCalendar } from './types.js';
import type { BarSeries } from './types.js';

/** A one-bar jump large enough to be a split (or a data error) rather than a market move. */
export interface SuspectedSplit {
  symbol: string;
  /** Session date (exchange-local) of the bar after the jump. */
  date: string;
  /** close / previous close. */
  ratio: number;
  previous_close: number;
  close: number;
  /** The nearest simple split ratio, e.g. "2:1 split?" (reverse splits read "1:2 reverse split?"). */
  hint: string;
}

/** Per-symbol quality measures of the ingest report. */
export interface SymbolQuality {
  bars: number;
  /** Share of bars whose close equals the previous close. */
  unchanged_close_share: number;
  /** Every bar has zero volume. */
  zero_volume: boolean;
  /** Intraday bars starting outside data.session (a wrong base.exchange_tz or session shows here). */
  outside_session: number;
  /** Bars on a Saturday or Sunday (exchange-local). */
  weekend: number;
}

const SIMPLE = [2, 3, 4, 5, 10, 1.5, 20, 100];

function splitHint(ratio: number): string {
  const r = ratio < 1 ? 1 / ratio : ratio;
  const k = SIMPLE.find((s) => Math.abs(r / s - 1) < 0.06);
  if (k === undefined) return 'no simple split ratio: check the data around this date';
  const label = k === 1.5 ? '3:2' : `${k}:1`;
  return ratio < 1 ? `${label} split?` : `${label.split(':').reverse().join(':')} reverse split?`;
}

/**
 * One-bar close-to-close jumps with close/previous close above 1 + maxJump or below 1/(1 + maxJump): an
 * unadjusted split turns into a −50 % "return" and fake SHORT labels.
 */
export function findSuspectedSplits(b: BarSeries, maxJump: number): SuspectedSplit[] {
  const out: SuspectedSplit[] = [];
  const hi = 1 + maxJump;
  const lo = 1 / hi;
  const c = b.close;
  for (let t = 1; t < c.length; t++) {
    const r = c[t] / c[t - 1];
    if (r > hi || r < lo) {
      out.push({
        symbol: b.symbol,
        date: localDate(b.ts[t], b.tz),
        ratio: r,
        previous_close: c[t - 1],
        close: c[t],
        hint: splitHint(r),
      });
    }
  }
  return out;
}

/** Unchanged-close share, all-zero volume, bars outside the session and weekend bars of one series. */
export function symbolQuality(b: BarSeries, frequency: Frequency, session: SessionCalendar): SymbolQuality {
  const n = b.close.length;
  let same = 0;
  for (let t = 1; t < n; t++) if (b.close[t] === b.close[t - 1]) same++;
  let zero = n > 0;
  for (let t = 0; t < n && zero; t++) if (b.volume[t] !== 0) zero = false;
  let outside = 0;
  let weekend = 0;
  const intraday = !isDailyOrLonger(frequency);
  const local = toLocalMs(b.ts, b.tz);
  for (let t = 0; t < n; t++) {
    const day = Math.floor(local[t] / MS_PER_DAY);
    const wd = weekdayOfDays(day);
    if (wd === 0 || wd === 6) weekend++;
    if (intraday) {
      const m = Math.floor((local[t] - day * MS_PER_DAY) / MS_PER_MINUTE);
      if (m < session.openMinute || m >= session.closeMinute) outside++;
    }
  }
  return {
    bars: n,
    unchanged_close_share: n > 1 ? same / (n - 1) : 0,
    zero_volume: zero,
    outside_session: outside,
    weekend,
  };
}
