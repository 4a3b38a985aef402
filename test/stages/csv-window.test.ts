import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateParams } from '../../src/config/index.js';
import { localDate, readRawBars } from '../../src/data/index.js';
import { initTfBackend } from '../../src/models/tfjs/index.js';
import { configHash } from '../../src/pipeline/index.js';
import { featuresMain, ingestMain, type StageContext, teacherMain } from '../../src/stages/index.js';
import { readJson, tempDir } from '../integration/helpers.js';

// The DVC stages on imported CSV data: ingest keeps the lookback, the teacher labels only the window.
describe('CSV data through ingest → features → teacher: data.start / data.end are honoured', () => {
  const root = tempDir();
  const dates: string[] = [];
  for (let t = Date.UTC(2021, 0, 4); dates.length < 800; t += 86_400_000) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) dates.push(new Date(t).toISOString().slice(0, 10));
  }
  const files = ['AAA', 'BBB'].map((s, k) => {
    let p = 100;
    const rows = dates.map((d, i) => {
      p *= 1 + 0.015 * Math.sin(i * (0.7 + k * 0.3)) + 0.004 * Math.cos(i * 1.9);
      return `${d},${p},${p * 1.01},${p * 0.99},${p},${1000 + (i % 17)}`;
    });
    const f = join(root, `${s}.csv`);
    writeFileSync(f, `Date,Open,High,Low,Close,Volume\n${rows.join('\n')}\n`);
    return f;
  });
  const r = validateParams({
    data: { source: 'csv', csv_paths: files, start: '2022-01-03', end: '2022-12-30' },
    teacher: { lookback_days: 120, gbdt: { num_rounds: 5 }, oof_folds: 2 },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const ctx: StageContext = { params: r.value, configHash: configHash(r.value), file: 'params.yaml', root };
  const io = { raw: join(root, 'raw'), feats: join(root, 'features'), teacher: join(root, 'teacher') };

  beforeAll(async () => {
    await initTfBackend();
    ingestMain(ctx, { outDir: io.raw });
    featuresMain(ctx, { rawDir: io.raw, outDir: io.feats });
    await teacherMain(ctx, { rawDir: io.raw, featuresDir: io.feats, outDir: io.teacher });
  }, 120_000);

  it('the raw store holds the lookback and nothing after data.end (not the whole file)', () => {
    const bars = readRawBars(io.raw, 'Asia/Kolkata');
    const first = localDate(bars[0].ts[0], 'Asia/Kolkata');
    const last = localDate(bars[0].ts[bars[0].ts.length - 1], 'Asia/Kolkata');
    // 120 calendar days before 2022-01-03 is 2021-09-05 (a Sunday): first bar Monday 2021-09-06.
    expect(first).toBe('2021-09-06');
    expect(last).toBe('2022-12-30');
    const report = readJson(join(io.raw, 'ingest_report.json'));
    expect(report.window).toEqual({ start: '2022-01-03', end: '2022-12-30', lookback_days: 120 });
    expect(report.frequency).toBe('1d');
  });

  it('the teacher labels only the window and records the actual range', () => {
    const stats = readJson(join(io.teacher, 'dataset_stats.json'));
    expect(stats.date_range_actual.start).toBe('2022-01-03');
    expect(stats.date_range_actual.end <= '2022-12-30').toBe(true);
    // 2022 has 260 weekdays; the last 5 per symbol have no complete horizon, and the lookback (86 bars)
    // covers the 60-bar feature warm-up, so no row inside the window is a warm-up row.
    expect(stats.excluded.warmup).toBe(0);
    expect(stats.total_samples).toBe(2 * (260 - 5));
    const meta = readJson(join(io.teacher, 'metadata.json'));
    expect(meta.date_range).toEqual({ start: '2022-01-03', end: '2022-12-30' });
  });
});
