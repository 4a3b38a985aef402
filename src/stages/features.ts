import { logger } from '../core/index.js';
import { commonFrequency, readRawBars } from '../data/index.js';
import { computeFeatures, type FeatureTable, featureOptions, writeFeatureDir } from '../features/index.js';
import { PATHS, prepareOutputDir } from '../pipeline/index.js';
import type { StageContext } from './context.js';

/** Where the features stage reads and writes (the DVC layout by default). */
export interface FeaturesIO {
  rawDir: string;
  outDir: string;
}

/** Stage main: raw-bar store → feature store (`<SYMBOL>.csv`, features_report.json, metadata.json). */
export function featuresMain(
  ctx: StageContext,
  io: FeaturesIO = { rawDir: PATHS.raw, outDir: PATHS.features },
): FeatureTable[] {
  prepareOutputDir(io.outDir);
  const series = readRawBars(io.rawDir, ctx.params.base.exchange_tz);
  const tables = computeFeatures(ctx.params, series);
  writeFeatureDir(io.outDir, tables, featureOptions(ctx.params, commonFrequency(series)), {
    configHash: ctx.configHash,
    inputs: [io.rawDir],
    params: { features: ctx.params.features },
  });
  logger.info('features done', {
    symbols: tables.length,
    columns: tables[0]?.names.length ?? 0,
    out: io.outDir,
  });
  return tables;
}
