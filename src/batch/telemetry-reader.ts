import type { Issue } from '../core/index.js';
import { READ_LIMITS } from '../pipeline/index.js';
import { readJsonLines } from './jsonl.js';
import type { Phase } from './phases.js';
import { TelemetryCursor } from './telemetry-cursor.js';
import { type TelemetryEvent, telemetryEventSchema } from './telemetry-schema.js';

/** Every valid event of a telemetry file, in order, and the numbers of lines that are not one. */
export function readTelemetry(file: string): { events: TelemetryEvent[]; badLines: number[] } {
  const { values, badLines } = readJsonLines(file, READ_LIMITS.runLog);
  const events: TelemetryEvent[] = [];
  values.forEach((v, i) => {
    const r = telemetryEventSchema.safeParse(v);
    if (r.success) events.push(r.data);
    else badLines.push(i + 1);
  });
  return { events, badLines };
}

/** A running tail of a telemetry file; `stop()` ends it. */
export interface TelemetryTail {
  stop(): void;
}

/**
 * Follows a telemetry file while a batch writes it (`tail -f` by polling every `intervalMs`): each new
 * complete line that is a valid event is passed to `onEvent`, in order; a complete line that is not one
 * goes to `onIssue` (file and line) when given. The file may not exist yet; a half-written last line
 * waits for its newline. The dashboard's training-progress view reads the same way (TrainingFeed).
 */
export function followTelemetry(
  file: string,
  onEvent: (e: TelemetryEvent) => void,
  opts: { intervalMs?: number; fromStart?: boolean; onIssue?: (i: Issue) => void } = {},
): TelemetryTail {
  const cursor = new TelemetryCursor(file);
  if (opts.fromStart === false) cursor.read(); // what is there already is not delivered
  const poll = (): void => {
    const r = cursor.read();
    for (const e of r.events) onEvent(e);
    if (opts.onIssue) for (const i of r.issues) opts.onIssue(i);
  };
  poll();
  const timer = setInterval(poll, opts.intervalMs ?? 250);
  timer.unref?.();
  return {
    stop() {
      clearInterval(timer);
      poll();
    },
  };
}

/** State of one run as the training-progress view shows it. */
export interface TrainingProgress {
  runId: string | null;
  status: 'not_started' | 'in_progress' | 'success' | 'failed';
  currentPhase: Phase | null;
  /** Phases begun, in order: status, duration once ended, and when each started. */
  phases: { phase: Phase; status: string; durationSeconds: number | null; started: string }[];
  /** Window counts of the latest window phase (`windowsPhase`), kept after it ends. */
  windows: { done: number; total: number; success: number; skipped: number; failed: number } | null;
  windowsPhase: Phase | null;
  lastEvent: TelemetryEvent | null;
}

/**
 * Folds events (of the latest attempt: everything after the last run_start) into the progress of the
 * run: the phase in progress, finished phases with their durations, and the window counts of the
 * current phase.
 */
export function trainingProgress(events: readonly TelemetryEvent[]): TrainingProgress {
  let from = 0;
  events.forEach((e, i) => {
    if (e.event_type === 'run_start') from = i;
  });
  const latest = events.slice(from);
  const out: TrainingProgress = {
    runId: latest[0]?.run_id ?? null,
    status: latest.length === 0 ? 'not_started' : 'in_progress',
    currentPhase: null,
    phases: [],
    windows: null,
    windowsPhase: null,
    lastEvent: latest.at(-1) ?? null,
  };
  for (const e of latest) {
    if (e.event_type === 'phase_start' && e.phase) {
      out.currentPhase = e.phase;
      out.phases.push({
        phase: e.phase,
        status: 'in_progress',
        durationSeconds: null,
        started: e.timestamp,
      });
    } else if (e.event_type === 'phase_end' && e.phase) {
      const p = out.phases.find((x) => x.phase === e.phase);
      if (p) {
        p.status = e.status ?? 'success';
        p.durationSeconds = e.duration_seconds;
      }
      out.currentPhase = null;
    } else if (e.event_type === 'run_end') {
      out.status = e.status === 'failed' ? 'failed' : 'success';
    }
    if (e.progress) {
      out.windows = { ...e.progress };
      out.windowsPhase = e.phase;
    }
  }
  return out;
}
