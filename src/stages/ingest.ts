import { logger } from '../core/index.js';
import { type IngestResult, ingest, writeRawBars } from '../data/index.js';
import { PATHS, prepareOutputDir } from '../pipeline/index.js';
import type { StageContext } from './context.js';

/** Where the ingest stage writes (the DVC layout by default). */
export interface IngestIO {
  outDir: string;
}

/** Stage main: params → raw-bar store (`<SYMBOL>.csv`, ingest_report.json, metadata.json) in `io.outDir`. */
export function ingestMain(ctx: StageContext, io: IngestIO = { outDir: PATHS.raw }): IngestResult {
  prepareOutputDir(io.outDir);
  const result = ingest(ctx.params);
  writeRawBars(io.outDir, result, {
    configHash: ctx.configHash,
    inputs: ctx.params.data.source === 'csv' ? ctx.params.data.csv_paths : [],
    params: { base: ctx.params.base, data: ctx.params.data },
  });
  logger.info('ingest done', {
    symbols: result.series.length,
    bars: result.report.rows_read - result.report.rows_skipped,
    out: io.outDir,
  });
  return result;
}
