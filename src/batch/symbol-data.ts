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

/** Bytes a symbol's arrays take (bars and feature columns). */
function sizeOf(d: SymbolData): number {
  const b = d.bars;
  let n = b.ts.byteLength * 6 + d.table.ts.byteLength;
  for (const c of d.table.columns) n += c.byteLength;
  return n;
}

/** What a worker's symbol cache may hold: every symbol of a daily batch, a few of an intraday one. */
export const SYMBOL_CACHE_BYTES = 256 * 1024 * 1024;

/**
 * A cache of symbols read from the batch's data store, least recently used evicted beyond `maxBytes`
 * (the most recent symbol always stays). A worker reads each symbol once for the whole batch instead of
 * once per phase and per window run; the thread pool sends each symbol's windows to one worker.
 */
export function symbolCache(
  batchDir: string,
  tz: string,
  maxBytes = SYMBOL_CACHE_BYTES,
): (symbol: string) => SymbolData {
  const cache = new Map<string, { data: SymbolData; bytes: number }>();
  let total = 0;
  return (symbol) => {
    const hit = cache.get(symbol);
    if (hit) {
      cache.delete(symbol); // most recently used last
      cache.set(symbol, hit);
      return hit.data;
    }
    const data = readSymbolData(batchDir, symbol, tz);
    const entry = { data, bytes: sizeOf(data) };
    cache.set(symbol, entry);
    total += entry.bytes;
    for (const [k, e] of cache) {
      if (total <= maxBytes || k === symbol) break;
      cache.delete(k);
      total -= e.bytes;
    }
    return data;
  };
}
