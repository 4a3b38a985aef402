import type { WindowRecord } from './ledger.js';

/** Outcome counts of one window phase, with skip reasons and failure classes as countable codes. */
export interface StageCounts {
  total: number;
  success: number;
  skipped: number;
  failed: number;
  /** Skip reason or error class → windows. */
  reasons: Record<string, number>;
}

/** Counts the records of one phase. */
export function stageCounts(records: readonly WindowRecord[]): StageCounts {
  const c: StageCounts = { total: records.length, success: 0, skipped: 0, failed: 0, reasons: {} };
  for (const r of records) {
    c[r.status]++;
    if (r.status !== 'success') {
      const code = r.reason ?? 'unknown';
      c.reasons[code] = (c.reasons[code] ?? 0) + 1;
    }
  }
  return c;
}

/** Mean of a metric over successful records (null when none has it). */
export function meanMetric(records: readonly WindowRecord[], key: string): number | null {
  let s = 0;
  let n = 0;
  for (const r of records) {
    const v = r.status === 'success' ? r.metrics?.[key] : undefined;
    if (typeof v === 'number') {
      s += v;
      n++;
    }
  }
  return n === 0 ? null : s / n;
}
