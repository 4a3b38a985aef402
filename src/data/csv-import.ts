import { basename, extname } from 'node:path';
import { DataValidationError, type Issue, logger } from '../core/index.js';
import { formatTs } from './calendar.js';
import { MS_PER_DAY } from './civil.js';
import { splitCsvLine } from './csv-fields.js';
import { ACCEPTED_HEADERS, mapHeader } from './csv-header.js';
import { MAX_CSV_BYTES, readCsvLines } from './csv-lines.js';
import { type FileState, parseRow } from './csv-row.js';
import { inferFrequency, isDailyOrLonger } from './frequency.js';
import type { BarOrigins, SeriesBuilder } from './series-builder.js';
import { symbolProblem } from './symbols.js';
import { isValidTimeZone, zonedToEpoch } from './tz-offset.js';
import type { BarSeries, Frequency } from './types.js';

/** Options of importCsvFiles. */
export interface ImportCsvOptions {
  /** Exchange timezone: naive timestamps are read in it and the series carry it. */
  tz: string;
  /** 'error' throws on the first bad file; 'skip' drops bad rows and reports them. */
  onBadRows: 'error' | 'skip';
  /** Symbol for files without a symbol column (default: the file's basename, upper-cased). */
  symbol?: string;
  /**
   * Price adjustment (default 'none'): 'auto' scales open/high/low/close by adj_close/close (volume
   * inversely) in files that have an adjusted-close column; 'adj_close' requires that column.
   */
  adjust?: 'auto' | 'adj_close' | 'none';
  /** Largest file read, in bytes (default MAX_CSV_BYTES); checked before reading. */
  maxBytes?: number;
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

/** Per-symbol facts the import established. */
export interface ImportedSymbol {
  /** Frequency inferred from the bar spacing (null with < 2 bars or an unknown spacing). */
  frequency: Frequency | null;
  medianSpacingMs: number;
  /** Prices were scaled by adj_close/close. */
  adjusted: boolean;
}

const MAX_EXAMPLES = 20;

/** Excel leaves rows of bare separators (`,,,,`) after the data: they are skipped like blank lines. */
function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 44 && c > 32) return false;
  }
  return true;
}

/**
 * Daily and weekly bars are stamped at 00:00 exchange time of the calendar date written in the file (in
 * the timestamp's own offset), so a midnight `Z` or `+05:30` stamp never moves a New York bar to the
 * previous day. Two bars on one date are an error naming both lines.
 */
function restampDaily(s: BarSeries, o: BarOrigins, files: string[]): void {
  for (let i = 0; i < s.ts.length; i++) {
    s.ts[i] = zonedToEpoch(Math.floor(o.wall[i] / MS_PER_DAY) * MS_PER_DAY, s.tz);
    if (i > 0 && s.ts[i] <= s.ts[i - 1]) {
      const date = formatTs(s.ts[i], s.tz).slice(0, 10);
      throw new DataValidationError(`two bars of ${s.symbol} on one session date`, [
        {
          file: files[o.file[i]],
          line: o.line[i],
          path: 'ts',
          message: `session date ${date} already has a bar (${files[o.file[i - 1]]}:${o.line[i - 1]}); daily bars are dated by the calendar date written in the file`,
          value: date,
          fix: 'keep one bar per session date',
        },
      ]);
    }
  }
}

/**
 * Imports OHLCV bars from CSV files (`ts,open,high,low,close,volume` or Yahoo-style, optionally with
 * a symbol column), normalising timestamps to instants in `opts.tz`; bad rows throw or are skipped.
 * Files are streamed and refused above `opts.maxBytes`.
 */
export function importCsvFiles(
  files: string[],
  opts: ImportCsvOptions,
): { series: BarSeries[]; report: ImportReport; symbols: Record<string, ImportedSymbol> } {
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
  const adjust = opts.adjust ?? 'none';
  const report: ImportReport = {
    files: [...files],
    rowsRead: 0,
    rowsAccepted: 0,
    rowsSkipped: 0,
    examples: [],
  };
  const builders = new Map<string, SeriesBuilder>();
  const adjustedSymbols = new Set<string>();
  files.forEach((file, fileIdx) => {
    let st: FileState | undefined;
    const fileIssues: Issue[] = [];
    let fileBad = 0;
    let fileRows = 0;
    readCsvLines(file, opts.maxBytes ?? MAX_CSV_BYTES, (line, lineNo) => {
      if (line.length === 0 || isBlank(line)) return;
      if (st === undefined) {
        st = fileState(file, fileIdx, mapHeader(splitCsvLine(line), file), opts, adjust);
        return;
      }
      report.rowsRead++;
      fileRows++;
      const issue = parseRow(line, lineNo, st, opts.tz, builders);
      if (issue === undefined) {
        report.rowsAccepted++;
        return;
      }
      fileBad++;
      if (opts.onBadRows === 'skip') {
        report.rowsSkipped++;
        if (report.examples.length < MAX_EXAMPLES) report.examples.push(issue);
      } else if (fileIssues.length < MAX_EXAMPLES) {
        fileIssues.push(issue);
      }
    });
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
    if (st.adjust) for (const sym of st.symbols) adjustedSymbols.add(sym);
    if (fileIssues.length > 0) {
      const more = fileBad > fileIssues.length ? `; first ${fileIssues.length} shown` : '';
      throw new DataValidationError(`${fileBad} bad row(s) in ${file}${more}`, fileIssues);
    }
  });
  if (report.rowsSkipped > 0) {
    logger.warn('csv import skipped bad rows', { skipped: report.rowsSkipped, read: report.rowsRead });
  }
  const symbols: Record<string, ImportedSymbol> = {};
  const series = [...builders.values()]
    .map((b) => {
      const s = b.build();
      const o = b.origins();
      // Spacing of the wall times as written: daily bars written as midnights in mixed offsets are still
      // exactly one day apart there (their instants are not).
      const inf = inferFrequency(o.wall);
      if (inf.frequency !== null && isDailyOrLonger(inf.frequency)) restampDaily(s, o, files);
      symbols[s.symbol] = {
        frequency: inf.frequency,
        medianSpacingMs: inf.medianSpacingMs,
        adjusted: adjustedSymbols.has(s.symbol),
      };
      return s;
    })
    .sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
  return { series, report, symbols };
}

function fileState(
  file: string,
  fileIdx: number,
  cols: ReturnType<typeof mapHeader>,
  opts: ImportCsvOptions,
  adjust: 'auto' | 'adj_close' | 'none',
): FileState {
  const defaultSymbol = opts.symbol?.toUpperCase() ?? basename(file, extname(file)).toUpperCase();
  if (cols.symbol < 0) {
    const problem = symbolProblem(defaultSymbol);
    if (problem !== null) {
      throw new DataValidationError(`CSV file ${file} does not name a usable symbol`, [
        {
          file,
          line: 1,
          path: 'symbol',
          message: `${problem} (a file without a symbol column is named after its file)`,
          value: defaultSymbol,
          fix: 'rename the file to its ticker (e.g. RELIANCE.NS.csv) or add a symbol column',
        },
      ]);
    }
  }
  if (adjust === 'adj_close' && cols.adjClose < 0) {
    throw new DataValidationError(`CSV file ${file} has no adjusted close`, [
      {
        file,
        line: 1,
        path: 'header',
        message: 'data.adjust is adj_close but the header has no Adj Close column',
        value: cols.names.join(','),
        fix: 'download with adjusted prices (Yahoo Adj Close), or set data.adjust: auto or none',
      },
    ]);
  }
  return {
    file,
    fileIdx,
    cols,
    nFields: cols.names.length,
    defaultSymbol,
    adjust: adjust !== 'none' && cols.adjClose >= 0,
    symbols: new Set(),
  };
}
