import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DataValidationError, logger } from '../core/index.js';
import {
  RAW_FILES,
  stageProvenance,
  symbolFile,
  writeJsonAtomic,
  ensureDir,
  READ_LIMITS,
  readJsonBounded,
} from '../pipeline/index.js';
import { importCsvFiles } from './csv-import.js';
import type { IngestResult } from './ingest.js';
import type { BarSeries } from './types.js';
import { writeBarsCsv } from './write-bars-csv.js';

/** Provenance a store writer stamps into the directory's metadata.json. */
export interface StoreProvenance {
  configHash: string;
  /** Input paths hashed into the provenance block. */
  inputs: string[];
  /** The params keys the stage read, recorded as they were. */
  params: Record<string, unknown>;
}

/**
 * Writes the raw-bar store: `<SYMBOL>.csv` per symbol, ingest_report.json and metadata.json. CSVs of an
 * earlier run are removed first so the directory holds exactly this run's bars. Returns the files.
 */
export function writeRawBars(dir: string, result: IngestResult, prov: StoreProvenance): string[] {
  ensureDir(dir);
  for (const f of readdirSync(dir)) if (f.endsWith('.csv')) rmSync(join(dir, f));
  const files = result.series.map((s) => {
    const file = join(dir, symbolFile(s.symbol));
    writeBarsCsv(file, s);
    return file;
  });
  const report = join(dir, RAW_FILES.report);
  writeJsonAtomic(report, result.report);
  const metadata = join(dir, RAW_FILES.metadata);
  writeJsonAtomic(metadata, {
    ...stageProvenance({
      stage: 'ingest',
      configHash: prov.configHash,
      inputs: prov.inputs,
      outputs: [...files, report],
    }),
    params: prov.params,
  });
  return [...files, report, metadata];
}

/**
 * Reads the raw bars written by ingest (our own CSV format, re-validated on the way in). The file set
 * must match ingest_report.json, so a half-written directory (crash, manual edits) is an error rather
 * than a silently smaller universe.
 */
export function readRawBars(dir: string, tz: string): BarSeries[] {
  const symbols = reportedSymbols(join(dir, RAW_FILES.report));
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.csv'))
      .sort();
  } catch {
    files = [];
  }
  if (files.length === 0 || symbols === null) {
    throw new DataValidationError(`no raw bars in ${dir}`, [
      {
        path: dir,
        message: `no <SYMBOL>.csv files or no ${RAW_FILES.report}`,
        fix: 'run the ingest stage first (npm run repro)',
      },
    ]);
  }
  const present = new Set(files.map((f) => f.slice(0, -4)));
  const missing = symbols.filter((s) => !present.has(s));
  if (missing.length > 0) {
    throw new DataValidationError(
      `incomplete raw data in ${dir}`,
      missing.map((s) => ({
        path: join(dir, symbolFile(s)),
        message: `listed in ${RAW_FILES.report} but missing`,
        fix: 're-run the ingest stage',
      })),
    );
  }
  const extra = [...present].filter((s) => !symbols.includes(s));
  if (extra.length > 0) logger.warn('ignoring CSV files not produced by ingest', { dir, files: extra });
  return importCsvFiles(
    symbols.map((s) => join(dir, symbolFile(s))),
    { tz, onBadRows: 'error' },
  ).series;
}

function reportedSymbols(path: string): string[] | null {
  try {
    const report = readJsonBounded(path, { maxBytes: READ_LIMITS.metadata, what: 'ingest report' }) as {
      symbols?: unknown;
    };
    return Array.isArray(report.symbols) ? report.symbols.map(String) : null;
  } catch {
    return null;
  }
}
