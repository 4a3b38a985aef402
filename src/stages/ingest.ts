import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Params } from '../config/index.js';
import { DataValidationError, type Issue, logger } from '../core/index.js';
import { type BarSeries, generateSyntheticMarket, importCsvFiles, validateBars, writeBarsCsv } from '../data/index.js';
import { stageProvenance, writeJsonAtomic } from '../pipeline/index.js';
import type { StageContext } from './context.js';
import { PATHS } from './paths.js';

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
          { path: 'data.symbols', value: missing, message: 'not found in data.csv_paths', fix: `use some of ${[...have].join(', ')}` },
        ]);
      }
      series = series.filter((s) => data.symbols.includes(s.symbol));
    }
  }
  series.sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
  const issues = validateBars(series);
  if (issues.length > 0) throw new DataValidationError('ingested bars failed validation', issues.slice(0, 20));
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

/** Stage main: writes data/raw/<SYMBOL>.csv, ingest_report.json and metadata.json. */
export function ingestMain(ctx: StageContext, outDir: string = PATHS.raw): IngestResult {
  const result = ingest(ctx.params);
  mkdirSync(outDir, { recursive: true });
  // Drop symbols from an earlier run so the directory holds exactly this run's bars.
  for (const f of readdirSync(outDir)) if (f.endsWith('.csv')) rmSync(join(outDir, f));
  const files = result.series.map((s) => {
    const file = join(outDir, `${s.symbol}.csv`);
    writeBarsCsv(file, s);
    return file;
  });
  writeJsonAtomic(join(outDir, 'ingest_report.json'), result.report);
  const inputs = ctx.params.data.source === 'csv' ? ctx.params.data.csv_paths : [];
  writeJsonAtomic(join(outDir, 'metadata.json'), {
    ...stageProvenance({ stage: 'ingest', configHash: ctx.configHash, inputs, outputs: [...files, join(outDir, 'ingest_report.json')] }),
    params: { base: ctx.params.base, data: ctx.params.data },
  });
  logger.info('ingest done', { symbols: result.series.length, bars: result.report.rows_read - result.report.rows_skipped, out: outDir });
  return result;
}

/** Reads the raw bars written by ingest (our own CSV format, re-validated on the way in). */
export function readRawBars(dir: string, tz: string): BarSeries[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
  } catch {
    files = [];
  }
  if (files.length === 0) {
    throw new DataValidationError(`no raw bars in ${dir}`, [{ path: dir, message: 'no <SYMBOL>.csv files', fix: 'run the ingest stage first (npm run repro)' }]);
  }
  return importCsvFiles(files.map((f) => join(dir, f)), { tz, onBadRows: 'error' }).series;
}
