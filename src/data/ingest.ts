import { clockMinutes, type Params } from '../config/index.js';
import { DataValidationError, type Issue } from '../core/index.js';
import type { SuspectedSplit, SymbolQuality } from './bar-quality.js';
import { importCsvFiles } from './csv-import.js';
import { resolveFrequency } from './resolve-frequency.js';
import { type QualityFinding, screenQuality } from './screen-quality.js';
import { barWindow, selectWindow, type WindowCounts } from './select-window.js';
import { generateSyntheticMarket } from './synthetic-market.js';
import { type BarSeries, barsPerYear, type Frequency, type SessionCalendar } from './types.js';
import { validateBars } from './validate-bars.js';

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
  const calendar = sessionCalendar(params);
  const gates = screenQuality(series, params, frequency, calendar);
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
      bars_per_year: barsPerYear(frequency, calendar),
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
