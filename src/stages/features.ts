import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Params } from '../config/index.js';
import { DataValidationError, logger } from '../core/index.js';
import type { BarSeries } from '../data/index.js';
import { buildFeatureTable, type FeatureTable } from '../features/index.js';
import { readColumnsCsv, stageProvenance, writeColumnsCsv, writeJsonAtomic } from '../pipeline/index.js';
import type { StageContext } from './context.js';
import { readRawBars } from './ingest.js';
import { PATHS } from './paths.js';

/** Feature options implied by params (VWAP mode follows the bar frequency unless set). */
export function featureOptions(params: Params) {
  const vwapMode =
    params.features.vwap_mode === 'auto'
      ? params.data.frequency === '1d'
        ? 'rolling'
        : 'session'
      : params.features.vwap_mode;
  return { vwapMode, features: params.features.list.length > 0 ? params.features.list : undefined } as const;
}

/** Pure core: one causal feature table per symbol. */
export function computeFeatures(params: Params, series: BarSeries[]): FeatureTable[] {
  const opts = featureOptions(params);
  return series.map((bars) => buildFeatureTable(bars, opts));
}

/** Writes one feature table as CSV: ts (epoch ms), a warmup flag (1 = excluded downstream), then the features. */
export function writeFeatureCsv(path: string, t: FeatureTable): void {
  const warm = new Int8Array(t.ts.length);
  warm.fill(1, 0, Math.min(t.firstValid, t.ts.length));
  writeColumnsCsv(path, ['ts', 'warmup', ...t.names], [t.ts, warm, ...t.columns]);
}

/** Reads a feature CSV back into a FeatureTable. */
export function readFeatureCsv(path: string, symbol: string): FeatureTable {
  const tab = readColumnsCsv(path);
  const names = tab.names.filter((c) => c !== 'ts' && c !== 'warmup');
  const warm = tab.numbers.get('warmup') ?? new Float64Array(tab.n);
  let firstValid = 0;
  while (firstValid < tab.n && warm[firstValid] === 1) firstValid++;
  return {
    symbol,
    ts: tab.numbers.get('ts') ?? new Float64Array(0),
    names,
    columns: names.map((c) => tab.numbers.get(c) as Float64Array),
    firstValid,
  };
}

/** Reads every data/features/<SYMBOL>.csv listed in features_report.json (a missing one is an error). */
export function readFeatureDir(dir: string): FeatureTable[] {
  let symbols: string[];
  try {
    symbols = Object.keys(
      (
        JSON.parse(readFileSync(join(dir, 'features_report.json'), 'utf8')) as {
          symbols: Record<string, unknown>;
        }
      ).symbols,
    ).sort();
  } catch {
    throw new DataValidationError(`no features in ${dir}`, [
      {
        path: join(dir, 'features_report.json'),
        message: 'missing or unreadable',
        fix: 'run the features stage first (npm run repro)',
      },
    ]);
  }
  const missing = symbols.filter((s) => !existsSync(join(dir, `${s}.csv`)));
  if (missing.length > 0) {
    throw new DataValidationError(
      `incomplete features in ${dir}`,
      missing.map((s) => ({
        path: join(dir, `${s}.csv`),
        message: 'listed in features_report.json but missing',
        fix: 're-run the features stage',
      })),
    );
  }
  return symbols.map((s) => readFeatureCsv(join(dir, `${s}.csv`), s));
}

/** Stage main: data/raw → data/features/<SYMBOL>.csv + features_report.json + metadata.json. */
export function featuresMain(
  ctx: StageContext,
  rawDir: string = PATHS.raw,
  outDir: string = PATHS.features,
): FeatureTable[] {
  const series = readRawBars(rawDir, ctx.params.base.exchange_tz);
  const tables = computeFeatures(ctx.params, series);
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir)) if (f.endsWith('.csv')) rmSync(join(outDir, f));
  const files = tables.map((t) => {
    const file = join(outDir, `${t.symbol}.csv`);
    writeFeatureCsv(file, t);
    return file;
  });
  const report = {
    columns: tables[0]?.names ?? [],
    options: featureOptions(ctx.params),
    symbols: Object.fromEntries(
      tables.map((t) => [t.symbol, { rows: t.ts.length, warmup_rows: t.firstValid }]),
    ),
  };
  writeJsonAtomic(join(outDir, 'features_report.json'), report);
  writeJsonAtomic(join(outDir, 'metadata.json'), {
    ...stageProvenance({
      stage: 'features',
      configHash: ctx.configHash,
      inputs: [rawDir],
      outputs: [...files, join(outDir, 'features_report.json')],
    }),
    params: { features: ctx.params.features },
  });
  logger.info('features done', { symbols: tables.length, columns: report.columns.length, out: outDir });
  return tables;
}
