import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../core/index.js';
import type { Phase } from './phases.js';
import { TelemetryCursor } from './telemetry-cursor.js';
import { type TrainingProgress, trainingProgress } from './telemetry-reader.js';
import type { TelemetryEvent } from './telemetry-schema.js';

/** One window's latest result as the training-progress view lists it. */
export interface WindowResult {
  timestamp: string;
  phase: Phase | null;
  symbol: string | null;
  window_label: string | null;
  status: TelemetryEvent['status'];
  metrics: Record<string, number | null>;
  message: string | null;
  seconds: number | null;
}

/** What the dashboard's training-progress view shows: the latest run of a telemetry directory. */
export interface TrainingView extends TrainingProgress {
  dir: string;
  /** The telemetry file followed (the most recently written one), or null when there is none yet. */
  file: string | null;
  /** Timestamp of the last event. */
  updated: string | null;
  /** The latest window results of the run's latest attempt, most recent last. */
  recent: WindowResult[];
  /** Bad lines of the followed file (the last few), each naming file and line. */
  issues: Issue[];
  issuesTotal: number;
}

const TELEMETRY_FILE = /^training_run_.+\.jsonl$/;
const KEEP_ISSUES = 20;

/** The newest `training_run_*.jsonl` of `dir` by modification time (ties: the later name), or null. */
function newestFile(dir: string): string | null {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => TELEMETRY_FILE.test(n));
  } catch {
    return null;
  }
  let best: { file: string; mtime: number } | null = null;
  for (const n of names.sort()) {
    const file = join(dir, n);
    try {
      const mtime = statSync(file).mtimeMs;
      if (!best || mtime >= best.mtime) best = { file, mtime };
    } catch {
      // removed between readdir and stat
    }
  }
  return best?.file ?? null;
}

/**
 * Follows the training telemetry of a batch directory while runs write it: `poll()` reads what was
 * appended since the last poll (switching to a newer run's file when one appears) and says whether
 * anything changed; `view()` folds it into the training-progress view. Never throws for missing, partial
 * or malformed files: bad lines become issues with file and line.
 */
export class TrainingFeed {
  private cursor: TelemetryCursor | null = null;
  private events: TelemetryEvent[] = [];
  private issues: Issue[] = [];
  private issuesTotal = 0;
  private cached: TrainingView | null = null;
  private changes = 0;

  constructor(
    readonly dir: string,
    private readonly recent = 12,
  ) {}

  /** Reads new lines; true when the view changed. */
  poll(): boolean {
    const file = newestFile(this.dir);
    let changed = false;
    if (file !== (this.cursor?.file ?? null)) {
      this.cursor = file ? new TelemetryCursor(file) : null;
      this.reset();
      changed = true;
    }
    if (!this.cursor) return changed;
    const r = this.cursor.read();
    if (r.restarted) this.reset();
    for (const e of r.events) {
      // Only the latest attempt is shown: a run_start drops what came before it.
      if (e.event_type === 'run_start') this.events = [];
      this.events.push(e);
    }
    if (r.issues.length > 0) {
      this.issues = [...this.issues, ...r.issues].slice(-KEEP_ISSUES);
      this.issuesTotal += r.issues.length;
    }
    changed ||= r.restarted || r.events.length > 0 || r.issues.length > 0;
    if (changed) {
      this.cached = null;
      this.changes++;
    }
    return changed;
  }

  /** Counts the polls that changed the view (a cheap change signature for watchers). */
  get version(): number {
    return this.changes;
  }

  /** The view of what has been read so far. */
  view(): TrainingView {
    this.cached ??= {
      ...trainingProgress(this.events),
      dir: this.dir,
      file: this.cursor?.file ?? null,
      updated: this.events.at(-1)?.timestamp ?? null,
      recent: this.events
        .filter((e) => e.window_label !== null)
        .slice(-this.recent)
        .map((e) => ({
          timestamp: e.timestamp,
          phase: e.phase,
          symbol: e.symbol,
          window_label: e.window_label,
          status: e.status,
          metrics: e.metrics,
          message: e.message,
          seconds: e.duration_seconds,
        })),
      issues: [...this.issues],
      issuesTotal: this.issuesTotal,
    };
    return this.cached;
  }

  private reset(): void {
    this.events = [];
    this.issues = [];
    this.issuesTotal = 0;
    this.cached = null;
  }
}
