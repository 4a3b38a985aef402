import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Params } from '../config/index.js';
import { DataValidationError, type Issue, logger } from '../core/index.js';
import {
  type BarSeries,
  generateSyntheticMarket,
  importCsvFiles,
  validateBars,
  writeBarsCsv,
} from '../data/index.js';
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
    ...stageProvenance({
      stage: 'ingest',
      configHash: ctx.configHash,
      inputs,
      outputs: [...files, join(outDir, 'ingest_report.json')],
    }),
    params: { base: ctx.params.base, data: ctx.params.data },
  });
  logger.info('ingest done', {
    symbols: result.series.length,
    bars: result.report.rows_read - result.report.rows_skipped,
    out: outDir,
  });
  return result;
}

/**
 * Reads the raw bars written by ingest (our own CSV format, re-validated on the way in). The file set
 * must match ingest_report.json, so a half-written directory (crash, manual edits) is an error rather
 * than a silently smaller universe.
 */
export function readRawBars(dir: string, tz: string): BarSeries[] {
  const symbols = reportedSymbols(join(dir, 'ingest_report.json'));
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.csv'))
      .sort();
  } catch {
    files = [];
  }
  if (files.length === 0 || symbols === null) {
    throw new DataValidationError(`no raw bars in ${dir}`, [
      {
        path: dir,
        message: 'no <SYMBOL>.csv files or no ingest_report.json',
        fix: 'run the ingest stage first (npm run repro)',
      },
    ]);
  }
  const present = new Set(files.map((f) => f.slice(0, -4)));
  const missing = symbols.filter((s) => !present.has(s));
  if (missing.length > 0) {
    throw new DataValidationError(
      `incomplete raw data in ${dir}`,
      missing.map((s) => ({
        path: join(dir, `${s}.csv`),
        message: 'listed in ingest_report.json but missing',
        fix: 're-run the ingest stage',
      })),
    );
  }
  const extra = [...present].filter((s) => !symbols.includes(s));
  if (extra.length > 0) logger.warn('ignoring CSV files not produced by ingest', { dir, files: extra });
  return importCsvFiles(
    symbols.map((s) => join(dir, `${s}.csv`)),
    { tz, onBadRows: 'error' },
  ).series;
}

function reportedSymbols(path: string): string[] | null {
  try {
    const report = JSON.parse(readFileSync(path, 'utf8')) as { symbols?: unknown };
    return Array.isArray(report.symbols) ? report.symbols.map(String) : null;
  } catch {
    return null;
  }
}
