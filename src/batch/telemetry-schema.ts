import { z } from 'zod';
import { PHASES } from './phases.js';

/** Every telemetry event type (the reference's, plus per-window student and validation events). */
export const TELEMETRY_EVENTS = [
  'run_start',
  'run_end',
  'phase_start',
  'phase_end',
  'teacher_window_success',
  'teacher_window_skip',
  'teacher_window_fail',
  'student_window_success',
  'student_window_fail',
  'student_batch_end',
  'validation_window_success',
  'validation_window_fail',
  'validation_complete',
  'stat_test_complete',
] as const;

export type TelemetryEventType = (typeof TELEMETRY_EVENTS)[number];

/**
 * One line of `training_run_<run_id>.jsonl`. Events are written as they happen (a window's event when
 * that window finishes), `seq` numbers them within one run attempt (a resumed run starts again at 0
 * with a new run_start).
 */
export const telemetryEventSchema = z
  .object({
    timestamp: z.iso.datetime().describe('When the event happened (ISO 8601, UTC).'),
    run_id: z.string().min(1),
    seq: z.number().int().min(0).describe('Order of the event within this run attempt.'),
    event_type: z.enum(TELEMETRY_EVENTS),
    phase: z.enum(PHASES).nullable(),
    symbol: z.string().nullable(),
    window_label: z.string().nullable(),
    status: z.enum(['success', 'failed', 'skipped', 'in_progress']).nullable(),
    metrics: z.record(z.string(), z.number().nullable()),
    message: z.string().nullable(),
    duration_seconds: z
      .number()
      .min(0)
      .nullable()
      .describe('Phase or run duration (end events), window time otherwise.'),
    progress: z
      .object({
        done: z.number().int().min(0),
        total: z.number().int().min(0),
        success: z.number().int().min(0),
        skipped: z.number().int().min(0),
        failed: z.number().int().min(0),
      })
      .nullable()
      .describe('Windows of the current phase so far (window events and phase_end).'),
  })
  .strict();

export type TelemetryEvent = z.infer<typeof telemetryEventSchema>;
