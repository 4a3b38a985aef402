import { z } from 'zod';

const DATE_FIX = 'write a real date as YYYY-MM-DD, e.g. "2024-06-03"';

function isCalendarDate(s: string): boolean {
  // Round-trip, because Date.parse rolls 2023-02-30 over to March instead of rejecting it.
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** A calendar date `YYYY-MM-DD` (a real one: 2023-02-30 is refused). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, { message: 'not a real calendar date', params: { fix: DATE_FIX } });

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const fraction = (d: string) => z.number().gt(0).lt(1).describe(d);

/** Exchange-local wall time `HH:MM` (24:00 allowed for a session that closes at midnight). */
const clockTime = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected a time HH:MM (00:00–24:00)');

/** Minutes after midnight of a validated `HH:MM`. */
export function clockMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

const gate = (def: 'error' | 'warn', d: string) => z.enum(['error', 'warn', 'drop']).default(def).describe(d);

export const sessionSchema = z
  .object({
    open: clockTime
      .default('09:15')
      .describe('Session open, exchange-local HH:MM (00:00 for 24-hour markets).'),
    close: clockTime
      .default('15:30')
      .describe('Session close, exchange-local HH:MM (24:00 for 24-hour markets).'),
    days_per_year: z
      .number()
      .int()
      .min(1)
      .max(366)
      .default(252)
      .describe('Trading sessions a year (annualisation): 252 for exchanges, 365 for 24/7 markets.'),
  })
  .strict();

export const qualitySchema = z
  .object({
    constant_prices: gate(
      'error',
      'A symbol with constant or near-constant closes: error, warn, or drop the symbol.',
    ),
    max_unchanged_share: z
      .number()
      .gt(0)
      .max(1)
      .default(0.5)
      .describe('Near-constant: at least this share of bars close unchanged from the previous close.'),
    zero_volume: gate(
      'warn',
      'A symbol whose volume is zero on every bar (indices, FX): error, warn or drop.',
    ),
    too_few_bars: gate(
      'error',
      'A symbol with too few bars for feature warm-up + horizon (no labelled rows): error, warn or drop.',
    ),
    single_class_split: z
      .enum(['error', 'warn'])
      .default('error')
      .describe('A train/valid/test split whose labels are all one class.'),
  })
  .strict();

export const baseSchema = z
  .object({
    seed: z.number().int().min(0).default(42).describe('Seed of every random stream (data, bagging, init).'),
    exchange_tz: z
      .string()
      .refine(isTimeZone, {
        message: 'not an IANA time zone name',
        params: { fix: 'use a name such as Asia/Kolkata, America/New_York or UTC' },
      })
      .default('Asia/Kolkata')
      .describe('IANA timezone of the exchange.'),
  })
  .strict();

export const dataSchema = z
  .object({
    source: z
      .enum(['synthetic', 'csv'])
      .default('synthetic')
      .describe('Bundled synthetic market or imported CSV.'),
    symbols: z.array(z.string().min(1)).default([]).describe('Symbols to use; empty = all (36 synthetic).'),
    start: isoDate.default('2022-01-01').describe('First session date (inclusive).'),
    end: isoDate.default('2024-12-31').describe('Last session date (inclusive).'),
    frequency: z
      .enum(['auto', '1m', '5m', '15m', '30m', '1h', '1d', '1wk'])
      .default('auto')
      .describe(
        'Bar frequency; auto = inferred from the bar spacing (synthetic: 1d). A declared one must match the data.',
      ),
    adjust: z
      .enum(['auto', 'adj_close', 'none'])
      .default('auto')
      .describe(
        'auto: scale OHLC by adj_close/close (volume inversely) where an Adj Close column exists; adj_close: require it; none: raw prices.',
      ),
    max_bar_jump: z
      .number()
      .gt(0)
      .default(0.4)
      .describe(
        'A close/previous-close ratio above 1 + this or below 1/(1 + this) is reported as a suspected split.',
      ),
    on_suspected_split: z
      .enum(['warn', 'error'])
      .default('warn')
      .describe('A suspected split (or data error) is a warning in ingest_report.json or stops ingest.'),
    max_csv_mb: z
      .number()
      .int()
      .min(1)
      .max(4096)
      .default(512)
      .describe('Largest CSV file read, in MiB (checked before reading).'),
    session: sessionSchema.prefault({}),
    quality: qualitySchema.prefault({}),
    csv_paths: z
      .array(z.string())
      .default([])
      .describe('CSV files (source: csv): one per symbol or with a symbol column.'),
    on_bad_rows: z
      .enum(['error', 'skip'])
      .default('error')
      .describe('Bad CSV rows stop the import or are skipped.'),
    synthetic: z
      .object({
        regime_change_date: isoDate
          .nullable()
          .default(null)
          .describe('Date after which the dynamics change.'),
        signal_strength: z
          .number()
          .min(0)
          .max(5)
          .default(2)
          .describe('Scale of the predictable part (0 = noise).'),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export const featuresSchema = z
  .object({
    list: z.array(z.string()).default([]).describe('Model features to build; empty = all.'),
    vwap_mode: z
      .enum(['auto', 'rolling', 'session'])
      .default('auto')
      .describe('VWAP: rolling (daily) or session.'),
  })
  .strict();

export const splitSchema = z
  .object({
    valid_size: fraction('Share of the time line (after train) used for validation.').default(0.15),
    test_size: fraction('Share of the time line at the end held out as the test period.').default(0.2),
    embargo_bars: z
      .number()
      .int()
      .min(0)
      .nullable()
      .default(null)
      .describe('Bars dropped between splits; null = teacher.horizon (no label overlaps).'),
  })
  .strict();

export type BaseParams = z.infer<typeof baseSchema>;
export type DataParams = z.infer<typeof dataSchema>;
export type FeaturesParams = z.infer<typeof featuresSchema>;
export type SplitParams = z.infer<typeof splitSchema>;
export type SessionParams = z.infer<typeof sessionSchema>;
export type QualityParams = z.infer<typeof qualitySchema>;
