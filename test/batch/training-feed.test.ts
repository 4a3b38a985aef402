import { appendFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TelemetryCursor, TrainingFeed } from '../../src/batch/index.js';

const root = mkdtempSync(join(tmpdir(), 'sq-feed-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `d${n++}`);

/** One telemetry line written by hand (every field of the schema, keys as the writer sorts them). */
function line(seq: number, event_type: string, extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({
    duration_seconds: null,
    event_type,
    message: null,
    metrics: {},
    phase: null,
    progress: null,
    run_id: 'r1',
    seq,
    status: null,
    symbol: null,
    timestamp: `2026-01-05T10:00:${String(seq).padStart(2, '0')}.000Z`,
    window_label: null,
    ...extra,
  })}\n`;
}

/** A teacher window event of a 4-window phase; the test's windows succeed first, then one skips. */
const win = (seq: number, symbol: string, label: string, status: string, done: number) =>
  line(seq, `teacher_window_${status === 'success' ? 'success' : status === 'skipped' ? 'skip' : 'fail'}`, {
    phase: 'teacher_training',
    symbol,
    window_label: label,
    status,
    metrics: status === 'success' ? { accuracy: 0.5, n_test: 40 } : {},
    progress: {
      done,
      total: 4,
      success: Math.min(done, 3),
      skipped: done - Math.min(done, 3),
      failed: 0,
    },
  });

describe('TelemetryCursor', () => {
  it('returns complete lines only, holds a half-written line until its newline, and names bad lines by file:line', () => {
    const dir = freshDir();
    const file = join(dir, 'training_run_r1.jsonl');
    const c = new TelemetryCursor(file);
    expect(c.read()).toEqual({ events: [], issues: [], restarted: false }); // not written yet
    const first = line(0, 'run_start', { status: 'in_progress' });
    const second = line(1, 'phase_start', { phase: 'data_ingestion' });
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, first + second.slice(0, 30)); // line 2 is torn mid-write
    let r = c.read();
    expect(r.events.map((e) => e.seq)).toEqual([0]);
    expect(r.issues).toEqual([]);
    appendFileSync(file, second.slice(30)); // … and completed
    r = c.read();
    expect(r.events.map((e) => [e.seq, e.event_type, e.phase])).toEqual([
      [1, 'phase_start', 'data_ingestion'],
    ]);
    // line 3 blank, line 4 not JSON, line 5 JSON but not an event, line 6 fine
    appendFileSync(
      file,
      `\n{"event_type": "phase_e\n{"seq": 3}\n${line(3, 'run_end', { status: 'success' })}`,
    );
    r = c.read();
    expect(r.events.map((e) => e.seq)).toEqual([3]);
    expect(r.issues.map((i) => [i.path, i.line, i.file, i.code])).toEqual([
      [`${file}:4`, 4, file, 'telemetry.bad_line'],
      [`${file}:5`, 5, file, 'telemetry.bad_line'],
    ]);
    expect(r.issues[0].message).toContain('not JSON');
    expect(r.issues[1].message).toContain('not a telemetry event');
    expect(c.read()).toEqual({ events: [], issues: [], restarted: false }); // nothing new
    writeFileSync(file, line(0, 'run_start')); // replaced by a shorter file: starts over at line 1
    r = c.read();
    expect([r.restarted, r.events.map((e) => e.seq), r.issues]).toEqual([true, [0], []]);
  });
});

describe('TrainingFeed', () => {
  it('folds the newest telemetry file into the view as it grows', () => {
    const dir = freshDir();
    const feed = new TrainingFeed(dir, 3);
    expect(feed.poll()).toBe(false); // no directory yet
    expect(feed.view()).toMatchObject({ dir, file: null, status: 'not_started', recent: [], issues: [] });

    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'training_run_r1.jsonl');
    writeFileSync(file, line(0, 'run_start') + line(1, 'phase_start', { phase: 'data_ingestion' }));
    expect(feed.poll()).toBe(true);
    const v0 = feed.version;
    expect(feed.view()).toMatchObject({
      file,
      runId: 'r1',
      status: 'in_progress',
      currentPhase: 'data_ingestion',
      windows: null,
      updated: '2026-01-05T10:00:01.000Z',
    });
    expect(feed.poll()).toBe(false);
    expect(feed.version).toBe(v0);

    appendFileSync(
      file,
      line(2, 'phase_end', { phase: 'data_ingestion', status: 'skipped', duration_seconds: 0.25 }) +
        line(3, 'phase_start', { phase: 'teacher_training' }) +
        win(4, 'TCS', 'TCS_2023-01-01_to_2023-06-30', 'success', 1) +
        win(5, 'TCS', 'TCS_2023-06-30_to_2023-12-27', 'success', 2) +
        win(6, 'INFY', 'INFY_2023-01-01_to_2023-06-30', 'success', 3) +
        win(7, 'INFY', 'INFY_2023-06-30_to_2023-12-27', 'skipped', 4).slice(0, 50), // half written
    );
    expect(feed.poll()).toBe(true);
    expect(feed.version).toBe(v0 + 1);
    let v = feed.view();
    expect(v.phases).toEqual([
      {
        phase: 'data_ingestion',
        status: 'skipped',
        durationSeconds: 0.25,
        started: '2026-01-05T10:00:01.000Z',
      },
      {
        phase: 'teacher_training',
        status: 'in_progress',
        durationSeconds: null,
        started: '2026-01-05T10:00:03.000Z',
      },
    ]);
    expect([v.currentPhase, v.windowsPhase, v.windows]).toEqual([
      'teacher_training',
      'teacher_training',
      { done: 3, total: 4, success: 3, skipped: 0, failed: 0 },
    ]);
    // Three results kept, most recent last, with their metrics.
    expect(v.recent.map((r) => [r.symbol, r.window_label, r.status, r.metrics])).toEqual([
      ['TCS', 'TCS_2023-01-01_to_2023-06-30', 'success', { accuracy: 0.5, n_test: 40 }],
      ['TCS', 'TCS_2023-06-30_to_2023-12-27', 'success', { accuracy: 0.5, n_test: 40 }],
      ['INFY', 'INFY_2023-01-01_to_2023-06-30', 'success', { accuracy: 0.5, n_test: 40 }],
    ]);
    expect(v.issues).toEqual([]); // the half-written line is pending, not an error

    appendFileSync(
      file,
      `${win(7, 'INFY', 'INFY_2023-06-30_to_2023-12-27', 'skipped', 4).slice(50)}garbage\n`,
    );
    expect(feed.poll()).toBe(true);
    v = feed.view();
    expect(v.windows).toEqual({ done: 4, total: 4, success: 3, skipped: 1, failed: 0 });
    expect(v.recent.map((r) => r.window_label)).toEqual([
      'TCS_2023-06-30_to_2023-12-27',
      'INFY_2023-01-01_to_2023-06-30',
      'INFY_2023-06-30_to_2023-12-27',
    ]);
    expect(v.issues.map((i) => `${i.file}:${i.line}`)).toEqual([`${file}:9`]);
    expect(v.issuesTotal).toBe(1);

    // A later run's file takes over; the view starts again from it.
    const next = join(dir, 'training_run_r2.jsonl');
    writeFileSync(next, line(0, 'run_start', { run_id: 'r2' }));
    const later = new Date(Date.now() + 5000);
    utimesSync(next, later, later);
    expect(feed.poll()).toBe(true);
    v = feed.view();
    expect([v.file, v.runId, v.recent, v.issues, v.phases]).toEqual([next, 'r2', [], [], []]);
  });

  it('shows only the latest attempt of a resumed run, and its end', () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'training_run_r1.jsonl'),
      line(0, 'run_start') +
        line(1, 'phase_start', { phase: 'teacher_training' }) +
        win(2, 'TCS', 'TCS_2023-01-01_to_2023-06-30', 'success', 1) +
        line(0, 'run_start') + // resumed after a kill
        line(1, 'phase_start', { phase: 'statistical_tests' }) +
        line(2, 'phase_end', { phase: 'statistical_tests', status: 'success', duration_seconds: 1.5 }) +
        line(3, 'run_end', { status: 'success', duration_seconds: 2 }),
    );
    const feed = new TrainingFeed(dir);
    feed.poll();
    expect(feed.view()).toMatchObject({
      status: 'success',
      currentPhase: null,
      windows: null,
      recent: [],
      phases: [{ phase: 'statistical_tests', status: 'success', durationSeconds: 1.5 }],
    });
  });
});
