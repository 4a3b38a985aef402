import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLedger, readTelemetry, verifyStageDir, type WindowRecord } from '../../src/batch/index.js';
import { METADATA_FILE, VALIDATION_FILES } from '../../src/pipeline/index.js';
import { batchProject, MIXED_PARAMS } from './batch-process.js';
import { expectCleanFailure, runCli } from './cli-process.js';

const ledger = (cwd: string, batch: string, name: string): WindowRecord[] => {
  const { records, badLines } = readLedger(join(cwd, batch, name));
  expect(badLines).toEqual([]);
  return records;
};

describe('run-historical-training on a batch with successes, skips and failures', () => {
  const cwd = batchProject(MIXED_PARAMS);
  const run = runCli(
    [
      'run-historical-training',
      '--workers',
      '1',
      '--enable-telemetry',
      '--batch-dir',
      'batch',
      '--run-id',
      'mixed',
    ],
    { cwd },
  );
  const teacher = () => ledger(cwd, 'batch', 'teacher_runs.jsonl');

  it('finishes the batch and exits 1 because windows failed', () => {
    expect(run.status, run.stderr.slice(-2000)).toBe(1);
    expect(run.stdout).toContain(
      'teacher    2 success, 4 skipped, 2 failed (DataValidationError 2, insufficient_future_data 4)',
    );
    expect(run.stdout).toContain('student    2 success, 0 skipped, 0 failed');
  });

  it('accounts for every window: skipped with its reason, failed with its error, in window order', () => {
    const t = teacher();
    // Symbols in the data's order (INFY, TCS), each symbol's windows in time order.
    expect(t.map((r) => [r.window_label, r.status, r.reason])).toEqual([
      ['INFY_2023-01-01_to_2023-06-30', 'failed', 'DataValidationError'],
      ['INFY_2023-06-30_to_2023-12-27', 'failed', 'DataValidationError'],
      ['INFY_2023-12-27_to_2024-06-24', 'skipped', 'insufficient_future_data'],
      ['INFY_2024-06-24_to_2024-06-30', 'skipped', 'insufficient_future_data'],
      ['TCS_2023-01-01_to_2023-06-30', 'success', null],
      ['TCS_2023-06-30_to_2023-12-27', 'success', null],
      ['TCS_2023-12-27_to_2024-06-24', 'skipped', 'insufficient_future_data'],
      ['TCS_2024-06-24_to_2024-06-30', 'skipped', 'insufficient_future_data'],
    ]);
    // 2024-06-24 is a Monday: the data holds 4 more sessions (Tue–Fri) and the horizon needs 5.
    expect(t[2].message).toBe('labels need 5 bars after 2024-06-24; the data has 4');
    expect(t[3].message).toBe('labels need 5 bars after 2024-06-30; the data has 0');
    expect(t[0].message).toContain('single label class');
    for (const r of t.filter((x) => x.status !== 'success')) {
      expect(r.artifacts_path).toBeNull();
      expect(existsSync(join(cwd, 'batch', r.window_label))).toBe(false);
    }
    const s = ledger(cwd, 'batch', 'student_runs.jsonl');
    expect(s.map((r) => r.input_path)).toEqual(
      t.filter((r) => r.status === 'success').map((r) => r.artifacts_path),
    );
  });

  it('names only existing directories that verify against their checksums in artifacts_path', () => {
    const hash = teacher()[0].config_hash;
    const all = ['teacher_runs.jsonl', 'student_runs.jsonl', 'validation_runs.jsonl'].flatMap((f) =>
      ledger(cwd, 'batch', f),
    );
    const named = all.filter((r) => r.artifacts_path !== null);
    expect(named).toHaveLength(6);
    for (const r of named) {
      const dir = join(cwd, r.artifacts_path as string);
      const meta = r.stage === 'validation' ? VALIDATION_FILES.metadata : METADATA_FILE;
      const prev = process.cwd();
      process.chdir(cwd); // provenance keys are relative to the run's working directory
      try {
        expect(verifyStageDir(dir, meta, [], hash)).toMatchObject({ ok: true });
      } finally {
        process.chdir(prev);
      }
    }
    expect(existsSync(join(cwd, 'batch', 'TCS_2023-01-01_to_2023-06-30', 'labels.csv.gz'))).toBe(true);
  });

  it('writes schema-valid telemetry in order: run, phases, windows inside their phase', () => {
    const { events, badLines } = readTelemetry(join(cwd, 'data/analytics/training/training_run_mixed.jsonl'));
    expect(badLines).toEqual([]);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    expect(events[0].event_type).toBe('run_start');
    expect(events.at(-1)).toMatchObject({ event_type: 'run_end', status: 'failed' });
    const phases = events.filter((e) => e.event_type === 'phase_start').map((e) => e.phase);
    expect(phases).toEqual([
      'data_ingestion',
      'teacher_training',
      'student_training',
      'model_validation',
      'statistical_tests',
      'release_audit',
      'promotion_briefing',
    ]);
    let open: string | null = null;
    for (const e of events) {
      if (e.event_type === 'phase_start') open = e.phase;
      else if (e.event_type === 'phase_end') {
        expect(e.phase).toBe(open);
        expect(e.duration_seconds).toBeGreaterThanOrEqual(0);
        open = null;
      } else if (e.event_type.startsWith('teacher_window')) expect(open).toBe('teacher_training');
      else if (e.event_type === 'student_batch_end') expect(open).toBe('student_training');
      else if (e.event_type === 'stat_test_complete') expect(open).toBe('statistical_tests');
    }
    const kinds = events.filter((e) => e.event_type.startsWith('teacher_window')).map((e) => e.event_type);
    expect(kinds.filter((k) => k === 'teacher_window_success')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'teacher_window_skip')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'teacher_window_fail')).toHaveLength(2);
    const last = events.filter((e) => e.event_type.startsWith('teacher_window')).at(-1);
    expect(last?.progress).toEqual({ done: 8, total: 8, success: 2, skipped: 4, failed: 2 });
  });

  it('writes the release audit bundle; approve-candidate records the approval in the audit log', () => {
    const bundle = join(cwd, 'release/audit_mixed');
    for (const f of [
      'metrics.json',
      'summary.md',
      'promotion_briefing.md',
      'configs/params.json',
      'configs/params.yaml',
      'plots/window_accuracy.json',
    ])
      expect(existsSync(join(bundle, f)), f).toBe(true);
    expect(readFileSync(join(bundle, 'promotion_briefing.md'), 'utf8')).toContain(
      '**Status: needs-attention**',
    );
    const metrics = JSON.parse(readFileSync(join(bundle, 'metrics.json'), 'utf8'));
    expect(metrics.stages.teacher).toMatchObject({ total: 8, success: 2, skipped: 4, failed: 2 });
    const ok = runCli(['approve-candidate', 'mixed', '--reason', 'looked fine', '--approver', 'alice'], {
      cwd,
    });
    expect(ok.status, ok.stderr).toBe(0);
    const audit = readFileSync(join(cwd, 'data/models/audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(audit.at(-1)).toMatchObject({
      action: 'approve-candidate',
      actor: 'alice',
      reason: 'looked fine',
      run_id: 'mixed',
    });
    expect(JSON.parse(readFileSync(join(bundle, 'approval.json'), 'utf8')).approved_by).toBe('alice');
    expectCleanFailure(
      runCli(['approve-candidate', 'nope'], { cwd }),
      1,
      'no complete release audit for run nope',
    );
    expectCleanFailure(runCli(['approve-candidate'], { cwd }), 3, 'missing run id');
  });
});

describe('batch command exit codes', () => {
  const cwd = batchProject(MIXED_PARAMS);

  it('exits 3 on a configuration error, naming the flag', () => {
    expectCleanFailure(runCli(['train-batch', '--workers', '0'], { cwd }), 3, '--workers');
    expectCleanFailure(runCli(['train-batch', '--queue', 'http://x'], { cwd }), 3, '--queue');
    writeFileSync(join(cwd, 'syms.txt'), '# none\n\n');
    expectCleanFailure(runCli(['train-batch', '--symbols-file', 'syms.txt'], { cwd }), 3, 'lists no symbol');
    expectCleanFailure(
      runCli(['train-batch', '--symbols', 'TCS', '--symbols-file', 'syms.txt'], { cwd }),
      3,
      'given together with --symbols',
    );
    expectCleanFailure(runCli(['train-batch', '--window-days', '-4'], { cwd }), 3, '--window-days');
  });

  it('exits 0 when every window trained or was skipped (--symbols-file)', () => {
    writeFileSync(join(cwd, 'syms.txt'), 'TCS  # trains two windows\n');
    const r = runCli(['train-batch', '--symbols-file', 'syms.txt', '--workers', '1', '--batch-dir', 'b2'], {
      cwd,
    });
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    expect(r.stdout).toContain('teacher    2 success, 2 skipped, 0 failed (insufficient_future_data 2)');
    expect(existsSync(join(cwd, 'b2', 'validation_runs.jsonl'))).toBe(false); // train-batch stops after the students
  });
});

describe('the batch as a DVC stage', () => {
  it('only records that it is off unless batch.enabled, then runs the batch over data/raw', () => {
    const cwd = batchProject(MIXED_PARAMS);
    expect(runCli(['stage', 'ingest'], { cwd }).status).toBe(0);
    expect(runCli(['stage', 'batch'], { cwd }).status).toBe(0);
    expect(readdirSync(join(cwd, 'data/models/batch'))).toEqual(['batch_status.json']);
    writeFileSync(join(cwd, 'params.yaml'), `${MIXED_PARAMS}batch:\n  enabled: true\n`);
    expect(runCli(['stage', 'ingest'], { cwd }).status).toBe(0);
    const r = runCli(['stage', 'batch'], { cwd });
    expect(r.status, r.stderr.slice(-1500)).toBe(0); // failed windows are in the ledgers, not a stage failure
    const t = ledger(cwd, 'data/models/batch', 'teacher_runs.jsonl');
    expect(t.map((x) => x.status).sort()).toEqual([
      'failed',
      'failed',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
      'success',
      'success',
    ]);
    expect(t.every((x) => x.run_id === 'dvc')).toBe(true);
    expect(ledger(cwd, 'data/models/batch', 'validation_runs.jsonl')).toHaveLength(2);
    expect(JSON.parse(readFileSync(join(cwd, 'data/models/batch/batch_status.json'), 'utf8')).enabled).toBe(
      true,
    );
  });
});
