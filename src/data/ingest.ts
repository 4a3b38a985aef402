import type { Params } from '../config/index.js';
import { DataValidationError, type Issue } from '../core/index.js';
import { importCsvFiles } from './csv-import.js';
import { generateSyntheticMarket } from './synthetic-market.js';
import type { BarSeries } from './types.js';
import { validateBars } from './validate-bars.js';

/** What the ingest stage produces: validated bars per symbol and a report of what was read. */
export interface IngestResult {
  series: BarSeries[];
  report: {
    source: Params['data']['source'];
    frequency: Params['data']['frequency'];
    symbols: string[];
    bars: Record<string, number>;
    rows_read: number;
    rows_skipped: number;
    bad_row_examples: Issue[];
    date_range: { start: string; end: string };
  };
}

/** Pure core: bars from the synthetic generator or CSV import, filtered to the symbols and validated. */
export function ingest(params: Params): IngestResult {
  const { data, base } = params;
  let series: BarSeries[];
  let rowsRead = 0;
  let rowsSkipped = 0;
  let examples: Issue[] = [];
  if (data.source === 'synthetic') {
    series = generateSyntheticMarket({
      seed: base.seed,
      symbols: data.symbols.length > 0 ? data.symbols : undefined,
      start: data.start,
      end: data.end,
      frequency: data.frequency,
      tz: base.exchange_tz,
      regimeChangeDate: data.synthetic.regime_change_date,
      signalStrength: data.synthetic.signal_strength,
    });
    rowsRead = series.reduce((s, b) => s + b.ts.length, 0);
  } else {
    const imported = importCsvFiles(data.csv_paths, { tz: base.exchange_tz, onBadRows: data.on_bad_rows });
    series = imported.series;
    rowsRead = imported.report.rowsRead;
    rowsSkipped = imported.report.rowsSkipped;
    examples = imported.report.examples;
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
  }
  series.sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
  const issues = validateBars(series);
  if (issues.length > 0)
    throw new DataValidationError('ingested bars failed validation', issues.slice(0, 20));
  const starts = series.map((s) => s.ts[0]).filter(Number.isFinite);
  const ends = series.map((s) => s.ts[s.ts.length - 1]).filter(Number.isFinite);
  return {
    series,
    report: {
      source: data.source,
      frequency: data.frequency,
      symbols: series.map((s) => s.symbol),
      bars: Object.fromEntries(series.map((s) => [s.symbol, s.ts.length])),
      rows_read: rowsRead,
      rows_skipped: rowsSkipped,
      bad_row_examples: examples,
      date_range: {
        start: new Date(Math.min(...starts)).toISOString(),
        end: new Date(Math.max(...ends)).toISOString(),
      },
    },
  };
}
