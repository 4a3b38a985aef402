import type { Params } from '../config/index.js';
import { DataValidationError, type Issue, logger } from '../core/index.js';
import {
  findSuspectedSplits,
  type SuspectedSplit,
  type SymbolQuality,
  symbolQuality,
} from './bar-quality.js';
import type { BarSeries, Frequency, SessionCalendar } from './types.js';

/** A quality finding of the ingest report: what was found, for which symbol, and what ingest did. */
export interface QualityFinding {
  check: 'constant_prices' | 'zero_volume' | 'suspected_split' | 'outside_session' | 'weekend_bars';
  symbol: string;
  action: 'warn' | 'drop';
  message: string;
}

/** What the gates found: warnings and drops for the report, per-symbol measures, suspected splits. */
export interface QualityScreen {
  findings: QualityFinding[];
  dropped: string[];
  perSymbol: Record<string, SymbolQuality>;
  splits: SuspectedSplit[];
}

/**
 * Runs the ingest quality gates (data.quality.*, data.max_bar_jump / on_suspected_split): gates set to
 * error throw one DataValidationError listing every failure; warn and drop are recorded (and logged).
 * Bars outside the session and weekend bars on a weekday calendar are warnings only: they usually mean
 * a wrong base.exchange_tz or data.session.
 */
export function screenQuality(
  series: BarSeries[],
  params: Params,
  frequency: Frequency,
  session: SessionCalendar,
): QualityScreen {
  const q = params.data.quality;
  const findings: QualityFinding[] = [];
  const errors: Issue[] = [];
  const dropped: string[] = [];
  const perSymbol: Record<string, SymbolQuality> = {};
  const splits: SuspectedSplit[] = [];
  const apply = (
    check: QualityFinding['check'],
    setting: 'error' | 'warn' | 'drop',
    symbol: string,
    message: string,
    fix: string,
  ) => {
    if (setting === 'error') errors.push({ path: `data.quality.${check}`, value: symbol, message, fix });
    else {
      findings.push({ check, symbol, action: setting, message });
      if (setting === 'drop' && !dropped.includes(symbol)) dropped.push(symbol);
    }
  };
  for (const b of series) {
    const sq = symbolQuality(b, frequency, session);
    perSymbol[b.symbol] = sq;
    if (sq.bars > 1 && sq.unchanged_close_share >= q.max_unchanged_share) {
      apply(
        'constant_prices',
        q.constant_prices,
        b.symbol,
        `${b.symbol}: ${(sq.unchanged_close_share * 100).toFixed(1)}% of ${sq.bars} bars close unchanged (constant or near-constant prices make trivially predictable NOOP labels)`,
        'remove the symbol (stale quotes, a suspended or delisted stock), or set data.quality.constant_prices: drop or warn',
      );
    }
    if (sq.zero_volume) {
      apply(
        'zero_volume',
        q.zero_volume,
        b.symbol,
        `${b.symbol}: volume is zero on all ${sq.bars} bars (volume features carry no information)`,
        'use data with volume, or set data.quality.zero_volume: warn (indices, FX) or drop',
      );
    }
    if (sq.outside_session > 0) {
      apply(
        'outside_session',
        'warn',
        b.symbol,
        `${b.symbol}: ${sq.outside_session} of ${sq.bars} bars start outside data.session ${params.data.session.open}–${params.data.session.close} (${b.tz}); annualisation assumes the session`,
        '',
      );
    }
    if (sq.weekend > 0 && session.daysPerYear < 300) {
      apply(
        'weekend_bars',
        'warn',
        b.symbol,
        `${b.symbol}: ${sq.weekend} bars fall on a Saturday or Sunday in ${b.tz}: timestamps in another zone, or a 7-day market (set data.session.days_per_year: 365)`,
        '',
      );
    }
    for (const s of findSuspectedSplits(b, params.data.max_bar_jump)) {
      splits.push(s);
      const message = `${s.symbol} ${s.date}: close ${s.previous_close} → ${s.close} (ratio ${s.ratio.toFixed(4)}; ${s.hint})`;
      if (params.data.on_suspected_split === 'error') {
        errors.push({
          path: 'data.on_suspected_split',
          value: s.symbol,
          message,
          fix: 'use split-adjusted prices (an Adj Close column with data.adjust: auto), or raise data.max_bar_jump if the move is real',
        });
      } else findings.push({ check: 'suspected_split', symbol: s.symbol, action: 'warn', message });
    }
  }
  if (errors.length > 0) throw new DataValidationError('ingest quality gates failed', errors.slice(0, 20));
  if (dropped.length === series.length && series.length > 0) {
    throw new DataValidationError('every symbol was dropped by the quality gates', [
      { path: 'data.quality', value: dropped, message: 'no symbol left to train on', fix: 'check the data' },
    ]);
  }
  for (const f of findings)
    logger.warn(`ingest: ${f.check}`, { symbol: f.symbol, action: f.action, message: f.message });
  return { findings, dropped, perSymbol, splits };
}
