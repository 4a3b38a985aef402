import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ENGINE_FILES } from '../pipeline/index.js';

/** One point of the rolling-metric history (bar time). */
export interface MetricsPoint {
  time: string;
  precision: number | null;
  hit_ratio: number | null;
  precision_samples: number;
  hit_samples: number;
  model_version: string | null;
}

/** A line of alerts.jsonl: a degradation alert or an automatic rollback (or its failure). */
export interface AlertRecord {
  type: 'student_model_degradation' | 'auto_rollback' | 'auto_rollback_failed';
  /** Bar time of the evaluation that raised it. */
  time: string;
  model_version: string | null;
  message: string;
  [key: string]: unknown;
}

/** The engine's status snapshot (engine_status.json); see LiveEngine.status(). */
export type EngineStatus = Record<string, unknown> & {
  updated: string | null;
  session: Record<string, unknown>;
  student: Record<string, unknown>;
  monitoring: Record<string, unknown>;
  last_rollback: AlertRecord | null;
};

/**
 * The engine's state directory: the status snapshot (temp file + rename, so readers never see half of
 * one; no fsync — it is rewritten continually and a crash loses nothing the next snapshot will not
 * restore), the rolling-metric history and the alert log (appended). While the engine runs, snapshots are
 * written off the tick path (`queueStatus`: async, coalesced — a rename over an existing file can take
 * milliseconds on ext4, which flushes on it); the session's first and last are written synchronously.
 */
export class EngineStateWriter {
  private pending: string | null = null;
  private inFlight: Promise<void> | null = null;
  private failure: Error | null = null;
  /** The appended files, opened (append mode) at their first line and kept open until close(). */
  private readonly fds = new Map<string, number>();

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Queues a snapshot; only the latest queued one is written when the previous write completes. */
  queueStatus(status: EngineStatus): void {
    this.pending = `${JSON.stringify(status, null, 2)}\n`;
    if (this.inFlight === null) this.inFlight = this.drain();
  }

  /** Waits for queued snapshots; rethrows a failed write. */
  async settle(): Promise<void> {
    while (this.inFlight !== null) await this.inFlight;
    if (this.failure) throw this.failure;
  }

  private async drain(): Promise<void> {
    const path = join(this.dir, ENGINE_FILES.status);
    const tmp = `${path}.${process.pid}.async.tmp`;
    try {
      while (this.pending !== null) {
        const text = this.pending;
        this.pending = null;
        await writeFile(tmp, text);
        await rename(tmp, path);
      }
    } catch (err) {
      this.failure = err as Error;
    } finally {
      this.inFlight = null;
    }
  }

  /** Starts a session: empties the metric history (alerts are history across sessions and stay). */
  startSession(): void {
    this.close();
    writeFileSync(join(this.dir, ENGINE_FILES.metrics), '');
  }

  writeStatus(status: EngineStatus): void {
    const path = join(this.dir, ENGINE_FILES.status);
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(status, null, 2)}\n`);
    renameSync(tmp, path);
  }

  appendMetrics(point: MetricsPoint): void {
    this.append(ENGINE_FILES.metrics, `${JSON.stringify(point)}\n`);
  }

  appendAlert(alert: AlertRecord): void {
    this.append(ENGINE_FILES.alerts, `${JSON.stringify(alert)}\n`);
  }

  /** Closes the appended files (the next line opens them again). */
  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }

  /**
   * One write(2) per line on a descriptor kept open in append mode: the line is in the file when this
   * returns, as with appendFileSync, without an open and a close per line (~10 µs each, a few hundred
   * times a replay).
   */
  private append(file: string, text: string): void {
    let fd = this.fds.get(file);
    if (fd === undefined) {
      fd = openSync(join(this.dir, file), 'a');
      this.fds.set(file, fd);
    }
    const bytes = Buffer.from(text, 'utf8');
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
  }
}

function jsonLines<T>(path: string): T[] {
  if (!existsSync(path)) return [];
  const out: T[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch {
      // a line being appended right now, or a torn last line after a crash: skip it
    }
  }
  return out;
}

/** What a state directory holds now (for `engine status` and the dashboard). */
export interface EngineState {
  status: EngineStatus | null;
  metrics: MetricsPoint[];
  alerts: AlertRecord[];
}

/** Reads a state directory; missing files read as empty. */
export function readEngineState(dir: string): EngineState {
  let status: EngineStatus | null = null;
  try {
    status = JSON.parse(readFileSync(join(dir, ENGINE_FILES.status), 'utf8')) as EngineStatus;
  } catch {
    status = null;
  }
  return {
    status,
    metrics: jsonLines<MetricsPoint>(join(dir, ENGINE_FILES.metrics)),
    alerts: jsonLines<AlertRecord>(join(dir, ENGINE_FILES.alerts)),
  };
}
