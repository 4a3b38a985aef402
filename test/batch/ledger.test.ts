import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendLedger, readLedger, type WindowRecord, writeLedger } from '../../src/batch/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sq-ledger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rec = (i: number, status: WindowRecord['status']): WindowRecord => ({
  run_id: 'r',
  stage: 'teacher',
  window_index: i,
  symbol: 'TCS',
  window_label: `TCS_w${i}`,
  start_date: '2024-01-01',
  end_date: '2024-06-29',
  status,
  artifacts_path: status === 'success' ? `b/TCS_w${i}` : null,
  input_path: null,
  reason:
    status === 'skipped' ? 'insufficient_future_data' : status === 'failed' ? 'DataValidationError' : null,
  message: null,
  metrics: status === 'success' ? { accuracy: 0.5 } : null,
  model_sha256: null,
  recommendation: null,
  config_hash: 'abcdef12',
});

describe('run ledger (JSONL)', () => {
  it('appends whole lines; a torn line left by a killed run is skipped and the next append starts fresh', () => {
    const f = join(dir, 'teacher_runs.jsonl');
    appendLedger(f, rec(2, 'success'));
    appendFileSync(f, '{"run_id":"r","stage":"tea'); // SIGKILL mid-append
    appendLedger(f, rec(0, 'skipped'));
    const { records, badLines } = readLedger(f);
    expect(records.map((r) => [r.window_index, r.status])).toEqual([
      [2, 'success'],
      [0, 'skipped'],
    ]);
    expect(badLines).toEqual([2]);
  });

  it('is rewritten in window order, one sorted-key line per window', () => {
    const f = join(dir, 'student_runs.jsonl');
    writeLedger(f, [rec(3, 'failed'), rec(1, 'success')]);
    const lines = readFileSync(f, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).window_index)).toEqual([1, 3]);
    expect(Object.keys(JSON.parse(lines[0]))).toEqual(Object.keys(JSON.parse(lines[0])).sort());
  });

  it('counts a line that is JSON but not a record as bad', () => {
    const f = join(dir, 'other.jsonl');
    appendFileSync(f, '{"hello":1}\n');
    expect(readLedger(f)).toEqual({ records: [], badLines: [-1] });
  });
});
