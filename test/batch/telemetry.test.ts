import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  followTelemetry,
  readTelemetry,
  type TelemetryEvent,
  telemetryWriter,
  trainingProgress,
} from '../../src/batch/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sq-tele-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const clock = () => {
  let t = Date.UTC(2025, 9, 28, 15, 44);
  return () => {
    t += 1000;
    return new Date(t);
  };
};

describe('training telemetry', () => {
  it('writes validated events with run id, timestamp and sequence; refuses an event outside the schema', () => {
    const w = telemetryWriter(dir, 'r1', clock());
    w.emit({ event_type: 'run_start', status: 'in_progress' });
    w.emit({ event_type: 'phase_start', phase: 'teacher_training', status: 'in_progress' });
    expect(() => w.emit({ event_type: 'phase_end', phase: 'no_such_phase' as never })).toThrow();
    const { events, badLines } = readTelemetry(join(dir, 'training_run_r1.jsonl'));
    expect(badLines).toEqual([]);
    expect(events.map((e) => [e.seq, e.event_type, e.timestamp])).toEqual([
      [0, 'run_start', '2025-10-28T15:44:01.000Z'],
      [1, 'phase_start', '2025-10-28T15:44:02.000Z'],
    ]);
    expect(events[1]).toMatchObject({
      run_id: 'r1',
      phase: 'teacher_training',
      symbol: null,
      metrics: {},
      progress: null,
    });
  });

  it('folds the latest attempt into the progress a dashboard shows', () => {
    const w = telemetryWriter(dir, 'r2', clock());
    w.emit({ event_type: 'run_start' }); // an earlier, killed attempt
    w.emit({ event_type: 'phase_start', phase: 'data_ingestion' });
    w.emit({ event_type: 'run_start', status: 'in_progress' });
    w.emit({ event_type: 'phase_start', phase: 'data_ingestion' });
    w.emit({ event_type: 'phase_end', phase: 'data_ingestion', status: 'skipped', duration_seconds: 0.4 });
    w.emit({ event_type: 'phase_start', phase: 'teacher_training' });
    const progress = { done: 3, total: 7, success: 2, skipped: 1, failed: 0 };
    w.emit({
      event_type: 'teacher_window_skip',
      phase: 'teacher_training',
      symbol: 'TCS',
      status: 'skipped',
      progress,
    });
    const p = trainingProgress(readTelemetry(join(dir, 'training_run_r2.jsonl')).events);
    expect(p).toMatchObject({
      runId: 'r2',
      status: 'in_progress',
      currentPhase: 'teacher_training',
      phases: [
        { phase: 'data_ingestion', status: 'skipped', durationSeconds: 0.4 },
        { phase: 'teacher_training', status: 'in_progress', durationSeconds: null },
      ],
      windows: progress,
    });
    expect(trainingProgress([]).status).toBe('not_started');
  });

  it('a tail delivers whole lines as they are appended, skips torn ones, and waits for the file', async () => {
    const file = join(dir, 'training_run_r3.jsonl');
    const got: TelemetryEvent[] = [];
    const issues: string[] = [];
    const tail = followTelemetry(file, (e) => got.push(e), {
      intervalMs: 5,
      onIssue: (i) => issues.push(`${i.file}:${i.line}`),
    });
    const w = telemetryWriter(dir, 'r3', clock());
    w.emit({ event_type: 'run_start' });
    await new Promise((r) => setTimeout(r, 40));
    expect(got.map((e) => e.event_type)).toEqual(['run_start']);
    appendFileSync(file, '{"event_type": "phase_st'); // torn by a kill …
    w.emit({ event_type: 'run_end', status: 'success' }); // … the next line starts fresh
    await new Promise((r) => setTimeout(r, 40));
    tail.stop();
    expect(got.map((e) => e.event_type)).toEqual(['run_start', 'run_end']);
    expect(issues).toEqual([`${file}:2`]); // the torn line, once the next write closed it
    writeFileSync(file, ''); // replaced: a new tail starts over without error
    const again = followTelemetry(file, () => {}, { intervalMs: 5 });
    again.stop();
  });
});
