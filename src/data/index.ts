export { allocBars, barMinutes, barsPerYear, NSE_SESSION, sliceBars } from './types.js';
export type { BarSeries, Frequency, SessionCalendar } from './types.js';
export {
  commonFrequency,
  describeSpacing,
  FREQUENCIES,
  inferFrequency,
  isDailyOrLonger,
} from './frequency.js';
export type { SpacingInference } from './frequency.js';
export {
  DEFAULT_TZ,
  formatTs,
  localDate,
  localDateTimeToEpoch,
  localMinuteOfDay,
  localWeekday,
  weekdaySessions,
} from './calendar.js';
export { civilFromDays, MS_PER_DAY } from './civil.js';
export { parseTimestamp, scanTimestamp } from './parse-timestamp.js';
export {
  isValidTimeZone,
  LocalTimeKind,
  resolveLocalTime,
  tzOffsetMinutes,
  tzOffsetMs,
  zonedToEpoch,
} from './tz-offset.js';
export { generateSyntheticMarket, SYNTHETIC_DEFAULTS } from './synthetic-market.js';
export type { SyntheticMarketOptions } from './synthetic-market.js';
export { MARKET_PARAMS } from './synthetic-factors.js';
export { BARS_PER_SESSION_5M, SESSION_OPEN_MINUTE } from './synthetic-grid.js';
export { DEFAULT_SYMBOLS, MAX_SYMBOL_LENGTH, SECTORS, sectorOf, symbolProblem } from './symbols.js';
export type { Sector } from './symbols.js';
export { importCsvFiles } from './csv-import.js';
export type { ImportCsvOptions, ImportedSymbol, ImportReport } from './csv-import.js';
export { MAX_CSV_BYTES, readCsvLines } from './csv-lines.js';
export { ACCEPTED_HEADERS } from './csv-header.js';
export { BARS_CSV_HEADER, barsToCsv, writeBarsCsv } from './write-bars-csv.js';
export { validateBars } from './validate-bars.js';
export type { ValidateBarsOptions } from './validate-bars.js';
export { ingest, sessionCalendar } from './ingest.js';
export type { IngestReport, IngestResult } from './ingest.js';
export { screenQuality } from './screen-quality.js';
export type { QualityFinding, QualityScreen } from './screen-quality.js';
export { findSuspectedSplits, symbolQuality } from './bar-quality.js';
export type { SuspectedSplit, SymbolQuality } from './bar-quality.js';
export { resolveFrequency } from './resolve-frequency.js';
export { barWindow, selectWindow } from './select-window.js';
export type { BarWindow, WindowCounts } from './select-window.js';
export { readRawBars, writeRawBars } from './raw-bar-store.js';
export type { StoreProvenance } from './raw-bar-store.js';
