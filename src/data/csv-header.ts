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
};

const REQUIRED = ['ts', 'open', 'high', 'low', 'close', 'volume'] as const;

/**
 * Maps header fields to columns. Yahoo's `Adj Close` is deliberately ignored: it is back-adjusted
 * for dividends and splits while Open/High/Low are not, so mixing it with them breaks the OHLC
 * relations; we use the raw Close like every other column.
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
    names: [],
  };
  fields.forEach((raw, i) => {
    const name = raw.trim();
    cols.names.push(name);
    const key = ALIASES[name.toLowerCase().replace(/[\s_]+/g, ' ')];
    if (key !== undefined && cols[key] === -1) cols[key] = i;
  });
  const missing = REQUIRED.filter((k) => cols[k] === -1);
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
