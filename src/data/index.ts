export { allocBars, barsPerYear, sliceBars } from './types.js';
export type { BarSeries, Frequency } from './types.js';
export {
  DEFAULT_TZ,
  formatTs,
  localDate,
  localDateTimeToEpoch,
  localMinuteOfDay,
  localWeekday,
  weekdaySessions,
} from './calendar.js';
export { parseTimestamp } from './parse-timestamp.js';
export { isValidTimeZone, tzOffsetMinutes, tzOffsetMs, zonedToEpoch } from './tz-offset.js';
export { generateSyntheticMarket, SYNTHETIC_DEFAULTS } from './synthetic-market.js';
export type { SyntheticMarketOptions } from './synthetic-market.js';
export { MARKET_PARAMS } from './synthetic-factors.js';
export { BARS_PER_SESSION_5M, SESSION_OPEN_MINUTE } from './synthetic-grid.js';
export { DEFAULT_SYMBOLS, SECTORS, sectorOf } from './symbols.js';
export type { Sector } from './symbols.js';
export { importCsvFiles } from './csv-import.js';
export type { ImportCsvOptions, ImportReport } from './csv-import.js';
export { ACCEPTED_HEADERS } from './csv-header.js';
export { BARS_CSV_HEADER, barsToCsv, writeBarsCsv } from './write-bars-csv.js';
export { validateBars } from './validate-bars.js';
export type { ValidateBarsOptions } from './validate-bars.js';
export { ingest } from './ingest.js';
export type { IngestResult } from './ingest.js';
export { readRawBars, writeRawBars } from './raw-bar-store.js';
export type { StoreProvenance } from './raw-bar-store.js';
