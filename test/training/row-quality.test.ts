import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Params, validateParams } from '../../src/config/index.js';
import { DataValidationError } from '../../src/core/index.js';
import { barWindow, ingest } from '../../src/data/index.js';
import { computeFeatures } from '../../src/features/index.js';
import { buildLabelledRows, runTeacher } from '../../src/training/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sq-rowq-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Weekday dates from 2024-01-01 (a Monday). */
function weekdays(n: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(2024, 0, 1); out.length < n; t += 86_400_000) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

function csv(name: string, n: number, close: (i: number) => number): string {
  const rows = weekdays(n).map((d, i) => {
    const c = close(i);
    return `${d},${c},${c * 1.01},${c * 0.99},${c},${1000 + i}`;
  });
  const f = join(dir, `${name}.csv`);
  writeFileSync(f, `Date,Open,High,Low,Close,Volume\n${rows.join('\n')}\n`);
  return f;
}

// A wiggly series with real LONG/SHORT/NOOP labels: ±2 % swings.
const wiggle = (i: number) => 100 * (1 + 0.02 * Math.sin(i * 0.9) + 0.01 * Math.cos(i * 2.3));

function params(files: string[], data: Record<string, unknown> = {}): Params {
  const r = validateParams({
    data: { source: 'csv', csv_paths: files, start: '2024-01-01', end: '2024-12-31', ...data },
    teacher: { gbdt: { num_rounds: 5 }, oof_folds: 2 },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

async function teacherError(p: Params): Promise<DataValidationError> {
  const { series } = ingest(p);
  const tables = computeFeatures(p, series);
  const w = barWindow(p.data.start, p.data.end, 0, p.base.exchange_tz);
  try {
    await runTeacher(p, series, tables, { startMs: w.startMs, endMs: w.endMs });
  } catch (e) {
    expect(e).toBeInstanceOf(DataValidationError);
    return e as DataValidationError;
  }
  throw new Error('expected a DataValidationError');
}

describe('too few bars for warm-up + horizon', () => {
  it('a too-short file is an error with its counts (per symbol)', async () => {
    const long = csv('LONGER', 200, wiggle);
    const short = csv('SHORTY', 40, wiggle);
    const e = await teacherError(params([long, short]));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ path: 'data.quality.too_few_bars', value: 'SHORTY' });
    // 40 bars, all in the window; the features need 60 warm-up bars, so all 40 are warming up.
    expect(e.issues[0].message).toContain('SHORTY contributes no labelled rows: 40 bar(s) in the window');
    expect(e.issues[0].message).toContain('40 still warming up the features');
  });

  it('drop trains on the other symbols and leaves the short one out', () => {
    const p = params([csv('LONGER', 200, wiggle), csv('SHORTY', 40, wiggle)], {
      quality: { too_few_bars: 'drop' },
    });
    const { series } = ingest(p);
    const rows = buildLabelledRows(series, computeFeatures(p, series), {
      horizon: 5,
      minHoldingReturn: 0.005,
    });
    expect(rows.perSymbol?.find((c) => c.symbol === 'SHORTY')).toMatchObject({
      bars: 40,
      labelled: 0,
      warmup: 40,
    });
    // LONGER: 200 bars − 60 warm-up − 5 past the horizon = 135 labelled rows.
    expect(rows.perSymbol?.find((c) => c.symbol === 'LONGER')).toMatchObject({
      labelled: 135,
      warmup: 60,
      horizon: 5,
    });
  });
});

describe('single label class in a split', () => {
  it('a constant-price file alone is stopped (not a "perfect" model)', async () => {
    // Allowed past the ingest gate on purpose: the teacher must still refuse a single-class split.
    const p = params([csv('FLAT', 300, () => 50)], { quality: { constant_prices: 'warn' } });
    const e = await teacherError(p);
    expect(e.message).toContain('a split holds a single label class');
    expect(e.issues.map((i) => i.value)).toEqual(['train', 'valid', 'test']);
    expect(e.issues[0].message).toMatch(/labels is NOOP/);
    expect(e.issues[0].fix).toContain('constant prices');
  });
});
