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
    frequency: z.enum(['1d', '5m']).default('1d').describe('Bar frequency.'),
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
