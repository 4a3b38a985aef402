import { DataValidationError } from '../core/index.js';

/** Column indices of a recognised header (-1 = absent). */
export interface CsvColumns {
  ts: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  symbol: number;
  /** Yahoo's `Adj Close` (split- and dividend-adjusted close), -1 when absent. */
  adjClose: number;
  /** Header names as written in the file, for messages. */
  names: string[];
}

export const ACCEPTED_HEADERS =
  'ts,open,high,low,close,volume (optionally with a symbol column) or Yahoo-style ' +
  'Date,Open,High,Low,Close,Adj Close,Volume; names are case-insensitive and extra columns are ignored';

const ALIASES: Record<string, keyof Omit<CsvColumns, 'names'>> = {
  ts: 'ts',
  timestamp: 'ts',
  date: 'ts',
  datetime: 'ts',
  time: 'ts',
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  volume: 'volume',
  symbol: 'symbol',
  ticker: 'symbol',
  'adj close': 'adjClose',
  adjclose: 'adjClose',
  'adjusted close': 'adjClose',
};

const REQUIRED = ['ts', 'open', 'high', 'low', 'close', 'volume'] as const;

/**
 * Maps header fields to columns. Yahoo's `Adj Close` is back-adjusted for dividends and splits while
 * Open/High/Low/Close are not; the importer (data.adjust) scales all four by adj_close/close rather than
 * mixing the adjusted close with raw prices.
 */
export function mapHeader(fields: string[], file: string): CsvColumns {
  const cols: CsvColumns = {
    ts: -1,
    open: -1,
    high: -1,
    low: -1,
    close: -1,
    volume: -1,
    symbol: -1,
    adjClose: -1,
    names: [],
  };
  fields.forEach((raw, i) => {
    const name = raw.trim();
    cols.names.push(name);
    const key = ALIASES[name.toLowerCase().replace(/[\s_]+/g, ' ')];
    if (key !== undefined && cols[key] === -1) cols[key] = i;
  });
  const missing = REQUIRED.filter((k) => cols[k] === -1);
  if (missing.length > 0 && fields.length <= 2 && fields.join(',').includes(';')) {
    throw new DataValidationError(`CSV header of ${file} is separated by ';', not ','`, [
      {
        file,
        line: 1,
        path: 'header',
        message: "the header has no commas but ';' separators (a spreadsheet export with a European locale)",
        value: fields.join(','),
        fix: "export the file as CSV with ',' between fields and '.' as the decimal point",
      },
    ]);
  }
  if (missing.length > 0) {
    throw new DataValidationError(`CSV header of ${file} lacks required columns`, [
      {
        file,
        line: 1,
        path: 'header',
        message: `missing column(s): ${missing.join(', ')}`,
        value: fields.join(','),
        fix: `use a header with ${ACCEPTED_HEADERS}`,
      },
    ]);
  }
  return cols;
}
