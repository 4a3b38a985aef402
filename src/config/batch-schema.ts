import { z } from 'zod';

/**
 * The walk-forward batch (`train-batch`, `run-historical-training`, the `batch` DVC stage): rolling windows
 * of `window_days` calendar days every `step_days` over data.start … data.end, per symbol. Optional in
 * params.yaml: a file without it keeps its config_hash.
 */
export const batchSchema = z
  .object({
    enabled: z
      .boolean()
      .default(false)
      .describe(
        'dvc repro runs the batch as a stage (data/models/batch); false = the stage only records that it is off.',
      ),
    window_days: z
      .number()
      .int()
      .min(1)
      .max(3660)
      .default(180)
      .describe('Calendar days of one training window (the last window is cut at data.end).'),
    step_days: z
      .number()
      .int()
      .min(1)
      .max(3660)
      .default(180)
      .describe('Calendar days between the starts of consecutive windows.'),
    forecast_horizon: z
      .number()
      .int()
      .min(1)
      .nullable()
      .default(null)
      .describe(
        'Bars of future data a window’s labels need (the label horizon); null = teacher.horizon. A window without them is skipped.',
      ),
  })
  .strict();

export type BatchParams = z.infer<typeof batchSchema>;
