import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { READ_LIMITS } from '../pipeline/index.js';
import { readJsonLines } from './jsonl.js';
import type { Phase } from './phases.js';
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
 * complete line that is a valid event is passed to `onEvent`, in order. The file may not exist yet.
 * What the engine dashboard's training-progress view consumes.
 */
export function followTelemetry(
  file: string,
  onEvent: (e: TelemetryEvent) => void,
  opts: { intervalMs?: number; fromStart?: boolean } = {},
): TelemetryTail {
  let offset = 0;
  let partial = '';
  if (opts.fromStart === false && existsSync(file)) offset = sizeOf(file);
  const poll = (): void => {
    if (!existsSync(file)) return;
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size < offset) {
        offset = 0; // truncated or replaced: start over
        partial = '';
      }
      if (size === offset) return;
      const buf = Buffer.alloc(size - offset);
      const n = readSync(fd, buf, 0, buf.length, offset);
      offset += n;
      const text = partial + buf.subarray(0, n).toString('utf8');
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim() === '') continue;
        try {
          const r = telemetryEventSchema.safeParse(JSON.parse(line));
          if (r.success) onEvent(r.data);
        } catch {
          // a torn line of a killed writer: skipped, as readTelemetry does
        }
      }
    } finally {
      closeSync(fd);
    }
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

function sizeOf(file: string): number {
  const fd = openSync(file, 'r');
  try {
    return fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}

/** State of one run as the training-progress view shows it. */
export interface TrainingProgress {
  runId: string | null;
  status: 'not_started' | 'in_progress' | 'success' | 'failed';
  currentPhase: Phase | null;
  phases: { phase: Phase; status: string; durationSeconds: number | null }[];
  windows: { done: number; total: number; success: number; skipped: number; failed: number } | null;
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
    lastEvent: latest.at(-1) ?? null,
  };
  for (const e of latest) {
    if (e.event_type === 'phase_start' && e.phase) {
      out.currentPhase = e.phase;
      out.phases.push({ phase: e.phase, status: 'in_progress', durationSeconds: null });
      out.windows = null;
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
    if (e.progress) out.windows = { ...e.progress };
  }
  return out;
}
