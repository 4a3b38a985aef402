import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { DataValidationError, type Issue, logger } from '../core/index.js';
import { splitCsvLine } from './csv-fields.js';
import { ACCEPTED_HEADERS, mapHeader } from './csv-header.js';
import { type FileState, parseRow } from './csv-row.js';
import type { SeriesBuilder } from './series-builder.js';
import { isValidTimeZone } from './tz-offset.js';
import type { BarSeries } from './types.js';

/** Options of importCsvFiles. */
export interface ImportCsvOptions {
  /** Exchange timezone: naive timestamps are read in it and the series carry it. */
  tz: string;
  /** 'error' throws on the first bad file; 'skip' drops bad rows and reports them. */
  onBadRows: 'error' | 'skip';
  /** Symbol for files without a symbol column (default: the file's basename, upper-cased). */
  symbol?: string;
}

/** What an import read and dropped. */
export interface ImportReport {
  files: string[];
  rowsRead: number;
  rowsAccepted: number;
  rowsSkipped: number;
  /** The first 20 bad rows. */
  examples: Issue[];
}

const MAX_EXAMPLES = 20;

function readText(file: string): string {
  try {
    const text = readFileSync(file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DataValidationError(`Cannot read CSV file ${file}`, [
      {
        file,
        path: 'file',
        message: code === 'ENOENT' ? 'file does not exist' : `cannot read file (${code ?? String(err)})`,
        fix: 'check the path (relative paths are resolved from the working directory)',
      },
    ]);
  }
}

/**
 * Imports OHLCV bars from CSV files (`ts,open,high,low,close,volume` or Yahoo-style, optionally with
 * a symbol column), normalising timestamps to instants in `opts.tz`; bad rows throw or are skipped.
 */
export function importCsvFiles(
  files: string[],
  opts: ImportCsvOptions,
): { series: BarSeries[]; report: ImportReport } {
  if (!isValidTimeZone(opts.tz)) {
    throw new DataValidationError('Unknown timezone for CSV import', [
      {
        path: 'tz',
        message: 'not an IANA timezone name',
        value: opts.tz,
        fix: 'use a name such as Asia/Kolkata',
      },
    ]);
  }
  const report: ImportReport = {
    files: [...files],
    rowsRead: 0,
    rowsAccepted: 0,
    rowsSkipped: 0,
    examples: [],
  };
  const builders = new Map<string, SeriesBuilder>();
  for (const file of files) {
    const text = readText(file);
    let pos = 0;
    let lineNo = 0;
    let st: FileState | undefined;
    const fileIssues: Issue[] = [];
    let fileBad = 0;
    let fileRows = 0;
    while (pos < text.length) {
      let nl = text.indexOf('\n', pos);
      if (nl === -1) nl = text.length;
      const line = text.slice(pos, nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
      pos = nl + 1;
      lineNo++;
      if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim().length === 0)) continue;
      if (st === undefined) {
        const cols = mapHeader(splitCsvLine(line), file);
        const base = basename(file, extname(file)).toUpperCase();
        st = { file, cols, nFields: cols.names.length, defaultSymbol: opts.symbol?.toUpperCase() ?? base };
        continue;
      }
      report.rowsRead++;
      fileRows++;
      const issue = parseRow(line, lineNo, st, opts.tz, builders);
      if (issue === undefined) {
        report.rowsAccepted++;
        continue;
      }
      fileBad++;
      if (opts.onBadRows === 'skip') {
        report.rowsSkipped++;
        if (report.examples.length < MAX_EXAMPLES) report.examples.push(issue);
      } else if (fileIssues.length < MAX_EXAMPLES) {
        fileIssues.push(issue);
      }
    }
    if (st === undefined) {
      throw new DataValidationError(`CSV file ${file} is empty`, [
        {
          file,
          line: 1,
          path: 'file',
          message: 'empty file (no header, no rows)',
          fix: `write a header line: ${ACCEPTED_HEADERS}`,
        },
      ]);
    }
    if (fileRows === 0) {
      // A header without a single row is almost always a truncated download.
      throw new DataValidationError(`CSV file ${file} has no data rows`, [
        {
          file,
          line: 2,
          path: 'file',
          message: 'header only, no data rows',
          fix: 'check that the export or download completed',
        },
      ]);
    }
    if (fileIssues.length > 0) {
      const more = fileBad > fileIssues.length ? `; first ${fileIssues.length} shown` : '';
      throw new DataValidationError(`${fileBad} bad row(s) in ${file}${more}`, fileIssues);
    }
  }
  if (report.rowsSkipped > 0) {
    logger.warn('csv import skipped bad rows', { skipped: report.rowsSkipped, read: report.rowsRead });
  }
  const series = [...builders.values()]
    .map((b) => b.build())
    .sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
  return { series, report };
}
