import { join } from 'node:path';
import { ArtifactError } from '../core/index.js';
import { type BarSeries, importCsvFiles } from '../data/index.js';
import { type FeatureTable, readFeatureCsv } from '../features/index.js';
import { BATCH_FILES, symbolFile } from '../pipeline/index.js';

/** One symbol's bars and causal features, as the batch's data store holds them. */
export interface SymbolData {
  bars: BarSeries;
  table: FeatureTable;
  /** The two store files, recorded as the window's inputs. */
  files: string[];
}

/**
 * Reads one symbol from `<batch_dir>/data/{raw,features}` (written by the ingestion phase, so workers on
 * other machines read the same bytes). Bars and features must cover the same timestamps.
 */
export function readSymbolData(batchDir: string, symbol: string, tz: string): SymbolData {
  const rawFile = join(batchDir, BATCH_FILES.raw, symbolFile(symbol));
  const featureFile = join(batchDir, BATCH_FILES.features, symbolFile(symbol));
  const [bars] = importCsvFiles([rawFile], { tz, onBadRows: 'error', symbol }).series;
  const table = readFeatureCsv(featureFile, symbol);
  const n = bars?.ts.length ?? 0;
  if (!bars || table.ts.length !== n || table.ts[0] !== bars.ts[0] || table.ts[n - 1] !== bars.ts[n - 1]) {
    throw new ArtifactError(`the batch data store is inconsistent for ${symbol}`, [
      {
        path: featureFile,
        message: `features do not cover the bars of ${rawFile}`,
        fix: 'rerun the batch without --skip-fetch (ingestion rewrites the store)',
      },
    ]);
  }
  return { bars: { ...bars, symbol }, table, files: [rawFile, featureFile] };
}

/** A small cache of symbols (windows arrive symbol by symbol, so two entries avoid most re-reads). */
export function symbolCache(batchDir: string, tz: string, capacity = 2): (symbol: string) => SymbolData {
  const cache = new Map<string, SymbolData>();
  return (symbol) => {
    const hit = cache.get(symbol);
    if (hit) return hit;
    const data = readSymbolData(batchDir, symbol, tz);
    cache.set(symbol, data);
    if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
    return data;
  };
}
