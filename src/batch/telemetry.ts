import { join } from 'node:path';
import { telemetryFile } from '../pipeline/index.js';
import { appendJsonLine } from './jsonl.js';
import { type TelemetryEvent, telemetryEventSchema } from './telemetry-schema.js';

/** What a caller gives for an event; the writer adds timestamp, run_id and seq. */
export type TelemetryInput = Partial<Omit<TelemetryEvent, 'timestamp' | 'run_id' | 'seq' | 'event_type'>> &
  Pick<TelemetryEvent, 'event_type'>;

/** Emits training telemetry (`--enable-telemetry`); the disabled writer drops everything. */
export interface TelemetryWriter {
  /** The JSONL file, or null when telemetry is off. */
  readonly file: string | null;
  emit(e: TelemetryInput): void;
}

/**
 * A writer appending one validated JSON line per event to `<dir>/training_run_<run_id>.jsonl` as it
 * happens (no buffering: the dashboard sees a window the moment it finishes). A new attempt of the same
 * run appends after the earlier ones, starting with its own run_start.
 */
export function telemetryWriter(
  dir: string,
  runId: string,
  now: () => Date = () => new Date(),
): TelemetryWriter {
  const file = join(dir, telemetryFile(runId));
  let seq = 0;
  return {
    file,
    emit(e) {
      const event = telemetryEventSchema.parse({
        phase: null,
        symbol: null,
        window_label: null,
        status: null,
        metrics: {},
        message: null,
        duration_seconds: null,
        progress: null,
        ...e,
        timestamp: now().toISOString(),
        run_id: runId,
        seq: seq++,
      });
      appendJsonLine(file, event);
    },
  };
}

/** The writer of a run without telemetry. */
export const NO_TELEMETRY: TelemetryWriter = { file: null, emit() {} };
