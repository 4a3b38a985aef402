import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, logger } from '../core/index.js';
import { type BarSeries, barWindow, ingest, readRawBars, sliceBars, writeBarsCsv } from '../data/index.js';
import { computeFeatures, writeFeatureCsv } from '../features/index.js';
import { BATCH_FILES, PATHS, prepareOutputDir, symbolFile } from '../pipeline/index.js';
import type { StageContext } from '../stages/index.js';

/** What ingestion leaves for the window phases. */
export interface BatchData {
  symbols: string[];
  bars: number;
  /** `fetched` from the source (synthetic / CSV import) or `store`: read from an existing raw-bar store. */
  source: 'fetched' | 'store';
}

/** Bars of an existing raw-bar store (`--skip-fetch`), cut to the batch's symbols and date range. */
function fromStore(ctx: StageContext, rawDir: string): BarSeries[] {
  const { data, base, teacher } = ctx.params;
  const all = readRawBars(rawDir, base.exchange_tz);
  const have = new Set(all.map((s) => s.symbol));
  const missing = data.symbols.filter((s) => !have.has(s));
  if (missing.length > 0) {
    throw new ConfigError(`symbols not in the raw-bar store ${rawDir}`, [
      {
        path: '--symbols',
        value: missing,
        message: `no bars in ${rawDir}`,
        fix: 'run without --skip-fetch (ingestion fetches them) or pick symbols the store has',
      },
    ]);
  }
  const w = barWindow(data.start, data.end, teacher.lookback_days, base.exchange_tz);
  const keep = data.symbols.length > 0 ? new Set(data.symbols) : have;
  return all
    .filter((s) => keep.has(s.symbol))
    .map((s) => {
      let lo = 0;
      while (lo < s.ts.length && s.ts[lo] < w.lookbackMs) lo++;
      let hi = lo;
      while (hi < s.ts.length && s.ts[hi] <= w.endMs) hi++;
      return sliceBars(s, lo, hi);
    });
}

/**
 * Phase 1: the batch's data. Fetches bars (ingest: synthetic market or CSV import, validated) — or with
 * `skipFetch` reads them from the raw-bar store `rawDir` — computes the causal features once, and writes
 * both per symbol into `<batch_dir>/data/` so every worker, on this machine or another, reads the same
 * bytes. Deterministic: a rerun rewrites identical files.
 */
export function ingestPhase(
  ctx: StageContext,
  batchDir: string,
  opts: { skipFetch?: boolean; rawDir?: string } = {},
): BatchData {
  const series = opts.skipFetch ? fromStore(ctx, opts.rawDir ?? PATHS.raw) : ingest(ctx.params).series;
  const tables = computeFeatures(ctx.params, series);
  const rawDir = join(batchDir, BATCH_FILES.raw);
  const featureDir = join(batchDir, BATCH_FILES.features);
  for (const dir of [rawDir, featureDir]) {
    prepareOutputDir(dir, 'batch data directory');
    for (const f of readdirSync(dir)) if (f.endsWith('.csv')) rmSync(join(dir, f));
  }
  for (const s of series) writeBarsCsv(join(rawDir, symbolFile(s.symbol)), s);
  for (const t of tables) writeFeatureCsv(join(featureDir, symbolFile(t.symbol)), t);
  const bars = series.reduce((n, s) => n + s.ts.length, 0);
  logger.info('batch data ready', { symbols: series.length, bars, dir: join(batchDir, 'data') });
  return { symbols: series.map((s) => s.symbol), bars, source: opts.skipFetch ? 'store' : 'fetched' };
}
