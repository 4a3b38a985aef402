import { z } from 'zod';
import { isoDate } from './schema.js';

export const strategySchema = z
  .object({
    allow_short: z.boolean().default(true).describe('SHORT predictions open shorts; false = stay flat.'),
    confidence_threshold: z
      .number()
      .min(0)
      .max(1)
      .default(0.45)
      .describe('Min top-class probability to act.'),
    commission_bps: z.number().min(0).max(1000).default(3).describe('Commission per side, basis points.'),
    slippage_bps: z.number().min(0).max(1000).default(5).describe('Slippage per side, basis points.'),
  })
  .strict();

export const thresholdsSchema = z
  .object({
    min_precision_uplift: z
      .number()
      .default(0.02)
      .describe('LONG precision must beat baseline by this (absolute).'),
    min_hit_ratio_uplift: z
      .number()
      .default(0.02)
      .describe('Hit ratio must beat baseline by this (absolute).'),
    min_sharpe_uplift: z.number().default(0.05).describe('Relative Sharpe uplift (c − b)/|b| required.'),
    require_all_criteria: z
      .boolean()
      .default(true)
      .describe('All criteria must pass (else the three core ones).'),
    max_ece: z
      .number()
      .gt(0)
      .max(1)
      .default(0.05)
      .describe('Calibration: expected calibration error below this.'),
    max_p_value: z
      .number()
      .gt(0)
      .max(1)
      .default(0.1)
      .describe('Bootstrap p-value of the Sharpe uplift below this.'),
    min_robustness: z
      .number()
      .min(0)
      .max(1)
      .default(0.5)
      .describe('Share of symbols where candidate beats baseline.'),
  })
  .strict();

export const validationSchema = z
  .object({
    symbols: z.array(z.string()).default([]).describe('Validation symbols; empty = all.'),
    start: isoDate
      .nullable()
      .default(null)
      .describe('Validation start date; null = start of the test split.'),
    end: isoDate.nullable().default(null).describe('Validation end date; null = end of the data.'),
    baseline: z
      .string()
      .min(1)
      .default('buy_and_hold')
      .describe(
        'What the criteria compare against: buy_and_hold (long every symbol, same costs), sma (SMA 20/50 crossover) or a student dir (e.g. data/models/production). Both rules are always reported.',
      ),
    baseline_model: z
      .string()
      .nullable()
      .default(null)
      .describe('Deprecated alias of validation.baseline for a student dir; null = use validation.baseline.'),
    min_trades: z
      .number()
      .int()
      .min(1)
      .default(30)
      .describe(
        'Fewer candidate trades than this in the test period: Sharpe and significance are not measurable.',
      ),
    bootstrap_samples: z
      .number()
      .int()
      .min(100)
      .max(100_000)
      .default(2000)
      .describe('Stationary bootstrap resamples.'),
    thresholds: thresholdsSchema.prefault({}),
  })
  .strict();

export type StrategyParams = z.infer<typeof strategySchema>;
export type ThresholdsParams = z.infer<typeof thresholdsSchema>;
export type ValidationParams = z.infer<typeof validationSchema>;
