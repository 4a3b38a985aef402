import { z } from 'zod';
import { READ_LIMITS, stableStringify, writeFileAtomic } from '../pipeline/index.js';
import { appendJsonLine, readJsonLines } from './jsonl.js';

/** Outcome of one window in one phase. */
export const WINDOW_STATUSES = ['success', 'skipped', 'failed'] as const;
export type WindowStatus = (typeof WINDOW_STATUSES)[number];

/**
 * One line of `teacher_runs.jsonl`, `student_runs.jsonl` or `validation_runs.jsonl`. `artifacts_path` is
 * set only on success and then names a directory that exists and verifies against its checksums; a
 * skipped window carries its reason code, a failed one its error class, both with a message. No
 * wall-clock time: the same batch gives the same ledger, interrupted or not (times go to telemetry).
 */
export const windowRecordSchema = z
  .object({
    run_id: z.string(),
    stage: z.enum(['teacher', 'student', 'validation']),
    window_index: z.number().int().min(0),
    symbol: z.string(),
    window_label: z.string(),
    start_date: z.string(),
    end_date: z.string(),
    status: z.enum(WINDOW_STATUSES),
    artifacts_path: z.string().nullable(),
    /** What the stage read: the teacher dir for a student, the student dir for a validation. */
    input_path: z.string().nullable(),
    reason: z.string().nullable(),
    message: z.string().nullable(),
    metrics: z.record(z.string(), z.number().nullable()).nullable(),
    model_sha256: z.string().nullable(),
    /** Validation only: PROMOTE or REJECT. */
    recommendation: z.enum(['PROMOTE', 'REJECT']).nullable(),
    config_hash: z.string(),
  })
  .strict();

export type WindowRecord = z.infer<typeof windowRecordSchema>;

/** Appends a record as the window finishes (a reader tailing the ledger sees it at once). */
export function appendLedger(file: string, record: WindowRecord): void {
  appendJsonLine(file, record);
}

/**
 * Reads a ledger: records that parse and match the schema, in file order. A torn line (a run killed
 * mid-append) or a foreign one is counted in `badLines`, never fatal.
 */
export function readLedger(file: string): { records: WindowRecord[]; badLines: number[] } {
  const { values, badLines } = readJsonLines(file, READ_LIMITS.runLog);
  const records: WindowRecord[] = [];
  for (const v of values) {
    const r = windowRecordSchema.safeParse(v);
    if (r.success) records.push(r.data);
    else badLines.push(-1);
  }
  return { records, badLines };
}

/** Rewrites a ledger atomically with one record per window, in window order (the phase's final word). */
export function writeLedger(file: string, records: WindowRecord[]): void {
  const sorted = [...records].sort((a, b) => a.window_index - b.window_index);
  writeFileAtomic(file, sorted.map((r) => `${stableStringify(r)}\n`).join(''));
}
