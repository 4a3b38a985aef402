import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { followTelemetry, readTelemetry, type TelemetryEvent } from '../../src/batch/index.js';
import { treeHashes } from '../integration/helpers.js';
import { batchProject, startCli, TRAINABLE_PARAMS, until } from './batch-process.js';
import { runCli } from './cli-process.js';

const lines = (file: string): number =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '').length
    : 0;

describe('[slow] a batch killed with SIGKILL midway and rerun', () => {
  it('resumes (verified windows reused, partial ones redone) and ends with the artifacts of an uninterrupted run', async () => {
    // Reference: uninterrupted, in this thread (--workers 1).
    const ref = batchProject(TRAINABLE_PARAMS, 'sq-batch-ref-');
    const r = runCli(['train-batch', '--workers', '1', '--batch-dir', 'batch'], { cwd: ref });
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    expect(r.stdout).toContain('teacher    9 success, 3 skipped, 0 failed');

    // Killed: two worker threads, SIGKILL once 4 of the 12 teacher windows are in the ledger.
    const cwd = batchProject(TRAINABLE_PARAMS, 'sq-batch-kill-');
    const ledger = join(cwd, 'batch', 'teacher_runs.jsonl');
    const run = startCli(['train-batch', '--workers', '2', '--batch-dir', 'batch'], cwd);
    await until(() => lines(ledger) >= 4);
    run.child.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(
      existsSync(join(cwd, 'batch', 'student_runs.jsonl')) &&
        lines(join(cwd, 'batch', 'student_runs.jsonl')) === 9,
    ).toBe(false);

    // Rerun: resumes, with telemetry saying which windows were reused.
    const again = runCli(['train-batch', '--workers', '2', '--batch-dir', 'batch', '--enable-telemetry'], {
      cwd,
    });
    expect(again.status, again.stderr.slice(-2000)).toBe(0);
    const teleDir = join(cwd, 'data/analytics/training');
    const [teleFile] = readdirSync(teleDir);
    const { events } = readTelemetry(join(teleDir, teleFile));
    const reused = events.filter(
      (e) => e.event_type === 'teacher_window_success' && e.message?.startsWith('resumed'),
    );
    expect(reused.length).toBeGreaterThanOrEqual(3);
    const redone = events.filter((e) => e.event_type === 'teacher_window_success' && e.message === null);
    expect(redone.length).toBeGreaterThan(0); // the kill came before the teacher phase ended

    const got = treeHashes(join(cwd, 'batch'));
    const want = treeHashes(join(ref, 'batch'));
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    expect(got).toEqual(want); // window dirs, ledgers, batch data, summary: every byte
  }, 240_000);
});

describe('[slow] telemetry while a batch runs', () => {
  it('delivers window events to a tailing reader before the batch ends', async () => {
    const cwd = batchProject(TRAINABLE_PARAMS, 'sq-batch-tele-');
    const file = join(cwd, 'data/analytics/training/training_run_live.jsonl');
    const seen: { e: TelemetryEvent; running: boolean }[] = [];
    let running = true;
    const tail = followTelemetry(file, (e) => seen.push({ e, running }), { intervalMs: 20 });
    const run = startCli(
      ['train-batch', '--workers', '2', '--run-id', 'live', '--enable-telemetry', '--batch-dir', 'b'],
      cwd,
    );
    const done = await run.done;
    running = false;
    tail.stop();
    expect(done.code, done.stderr.slice(-2000)).toBe(0);
    const windows = seen.filter((s) => s.e.event_type.startsWith('teacher_window'));
    expect(windows).toHaveLength(12);
    // Received while the process still ran, in the order written.
    expect(windows.filter((s) => s.running).length).toBeGreaterThan(0);
    expect(seen.map((s) => s.e.seq)).toEqual(seen.map((_, i) => i));
    expect(seen.at(-1)?.e.event_type).toBe('run_end');
    rmSync(join(cwd, 'b'), { recursive: true, force: true });
  }, 180_000);
});
