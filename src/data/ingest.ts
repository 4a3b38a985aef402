import { clockMinutes, type Params } from '../config/index.js';
import { DataValidationError, type Issue, logger } from '../core/index.js';
import {
  findSuspectedSplits,
  type SuspectedSplit,
  type SymbolQuality,
  symbolQuality,
} from './bar-quality.js';
import { importCsvFiles } from './csv-import.js';
import { resolveFrequency } from './resolve-frequency.js';
import { barWindow, selectWindow, type WindowCounts } from './select-window.js';
import { generateSyntheticMarket } from './synthetic-market.js';
import { type BarSeries, barsPerYear, type Frequency, type SessionCalendar } from './types.js';
import { validateBars } from './validate-bars.js';

/** A quality finding of the ingest report: what was found, for which symbol, and what ingest did. */
export interface QualityFinding {
  check: 'constant_prices' | 'zero_volume' | 'suspected_split';
  symbol: string;
  action: 'warn' | 'drop';
  message: string;
}

/** What ingest_report.json records. */
export interface IngestReport {
  source: Params['data']['source'];
  /** The actual bar frequency (inferred from the spacing, or the synthetic generator's). */
  frequency: Frequency;
  declared_frequency: Params['data']['frequency'];
  /** Annualisation factor of this frequency on data.session. */
  bars_per_year: number;
  session: Params['data']['session'];
  symbols: string[];
  bars: Record<string, number>;
  rows_read: number;
  rows_skipped: number;
  bad_row_examples: Issue[];
  /** First and last bar written (instants, lookback included). */
  date_range: { start: string; end: string };
  /** The labelled window asked for (data.start … data.end) and the warm-up lookback before it. */
  window: { start: string; end: string; lookback_days: number };
  /** Per symbol: bars kept before the window (feature warm-up only) and inside it. */
  window_bars: Record<string, WindowCounts>;
  adjustment: { mode: Params['data']['adjust']; adjusted: string[]; raw: string[] };
  suspected_splits: SuspectedSplit[];
  quality: { per_symbol: Record<string, SymbolQuality>; findings: QualityFinding[]; dropped: string[] };
}

/** What the ingest stage produces: validated bars per symbol and a report of what was read. */
export interface IngestResult {
  series: BarSeries[];
  report: IngestReport;
}

/** The session calendar of params (annualisation and session checks). */
export function sessionCalendar(params: Params): SessionCalendar {
  const s = params.data.session;
  return {
    openMinute: clockMinutes(s.open),
    closeMinute: clockMinutes(s.close),
    daysPerYear: s.days_per_year,
  };
}

function loadSeries(params: Params) {
  const { data, base } = params;
  if (data.source === 'synthetic') {
    // The synthetic market starts at data.start: its first bars are the warm-up (no lookback exists).
    const series = generateSyntheticMarket({
      seed: base.seed,
      symbols: data.symbols.length > 0 ? data.symbols : undefined,
      start: data.start,
      end: data.end,
      frequency: data.frequency === 'auto' ? '1d' : data.frequency,
      tz: base.exchange_tz,
      regimeChangeDate: data.synthetic.regime_change_date,
      signalStrength: data.synthetic.signal_strength,
    });
    const rows = series.reduce((s, b) => s + b.ts.length, 0);
    return { series, rowsRead: rows, rowsSkipped: 0, examples: [] as Issue[], adjusted: new Set<string>() };
  }
  const imported = importCsvFiles(data.csv_paths, {
    tz: base.exchange_tz,
    onBadRows: data.on_bad_rows,
    adjust: data.adjust,
    maxBytes: data.max_csv_mb * 1024 * 1024,
  });
  let series = imported.series;
  if (data.symbols.length > 0) {
    const have = new Set(series.map((s) => s.symbol));
    const missing = data.symbols.filter((s) => !have.has(s));
    if (missing.length > 0) {
      throw new DataValidationError('requested symbols are not in the CSV files', [
        {
          path: 'data.symbols',
          value: missing,
          message: 'not found in data.csv_paths',
          fix: `use some of ${[...have].join(', ')}`,
        },
      ]);
    }
    series = series.filter((s) => data.symbols.includes(s.symbol));
  }
  const adjusted = new Set(
    Object.entries(imported.symbols)
      .filter(([, v]) => v.adjusted)
      .map(([k]) => k),
  );
  return {
    series,
    rowsRead: imported.report.rowsRead,
    rowsSkipped: imported.report.rowsSkipped,
    examples: imported.report.examples,
    adjusted,
  };
}

/**
 * Pure core: bars from the synthetic generator or CSV import (adjusted per data.adjust), cut to the
 * window plus its warm-up lookback, frequency inferred and checked, validated, and screened by the
 * quality gates (suspected splits, constant prices, zero volume; data.quality.* picks error/warn/drop).
 */
export function ingest(params: Params): IngestResult {
  const { data, base } = params;
  const loaded = loadSeries(params);
  let series = loaded.series;
  const w = barWindow(data.start, data.end, params.teacher.lookback_days, base.exchange_tz);
  const cut = selectWindow(series, w, { start: data.start, end: data.end, path: 'data.start' });
  series = cut.series;
  const { frequency } = resolveFrequency(series, data.frequency);
  series.sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
  const issues = validateBars(series);
  if (issues.length > 0)
    throw new DataValidationError('ingested bars failed validation', issues.slice(0, 20));
  const gates = screenQuality(series, params);
  series = series.filter((s) => !gates.dropped.includes(s.symbol));
  const starts = series.map((s) => s.ts[0]).filter(Number.isFinite);
  const ends = series.map((s) => s.ts[s.ts.length - 1]).filter(Number.isFinite);
  const names = series.map((s) => s.symbol);
  return {
    series,
    report: {
      source: data.source,
      frequency,
      declared_frequency: data.frequency,
      bars_per_year: barsPerYear(frequency, sessionCalendar(params)),
      session: data.session,
      symbols: names,
      bars: Object.fromEntries(series.map((s) => [s.symbol, s.ts.length])),
      rows_read: loaded.rowsRead,
      rows_skipped: loaded.rowsSkipped,
      bad_row_examples: loaded.examples,
      date_range: {
        start: new Date(Math.min(...starts)).toISOString(),
        end: new Date(Math.max(...ends)).toISOString(),
      },
      window: {
        start: data.start,
        end: data.end,
        lookback_days: data.source === 'csv' ? params.teacher.lookback_days : 0,
      },
      window_bars: Object.fromEntries(names.map((s) => [s, cut.counts[s]])),
      adjustment: {
        mode: data.adjust,
        adjusted: names.filter((s) => loaded.adjusted.has(s)),
        raw: names.filter((s) => !loaded.adjusted.has(s)),
      },
      suspected_splits: gates.splits,
      quality: { per_symbol: gates.perSymbol, findings: gates.findings, dropped: gates.dropped },
    },
  };
}

/** Runs the ingest quality gates; throws for gates set to error, records warnings and drops. */
function screenQuality(series: BarSeries[], params: Params) {
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
    const sq = symbolQuality(b);
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
