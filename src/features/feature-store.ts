import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DataValidationError, SenseQuantError } from '../core/index.js';
import type { StoreProvenance } from '../data/index.js';
import {
  ensureDir,
  FEATURE_FILES,
  READ_LIMITS,
  readColumnsCsv,
  readJsonBounded,
  stageProvenance,
  symbolFile,
  writeColumnsCsv,
  writeJsonAtomic,
} from '../pipeline/index.js';
import type { FeatureTable } from './types.js';

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

/**
 * Writes the feature store: `<SYMBOL>.csv` per table, features_report.json and metadata.json (CSVs of an
 * earlier run are removed first). Returns the files written.
 */
export function writeFeatureDir(
  dir: string,
  tables: FeatureTable[],
  options: Record<string, unknown>,
  prov: StoreProvenance,
): string[] {
  ensureDir(dir);
  for (const f of readdirSync(dir)) if (f.endsWith('.csv')) rmSync(join(dir, f));
  const files = tables.map((t) => {
    const file = join(dir, symbolFile(t.symbol));
    writeFeatureCsv(file, t);
    return file;
  });
  const report = {
    columns: tables[0]?.names ?? [],
    options,
    symbols: Object.fromEntries(
      tables.map((t) => [t.symbol, { rows: t.ts.length, warmup_rows: t.firstValid }]),
    ),
  };
  const reportPath = join(dir, FEATURE_FILES.report);
  writeJsonAtomic(reportPath, report);
  const metadata = join(dir, FEATURE_FILES.metadata);
  writeJsonAtomic(metadata, {
    ...stageProvenance({
      stage: 'features',
      configHash: prov.configHash,
      inputs: prov.inputs,
      outputs: [...files, reportPath],
    }),
    params: prov.params,
  });
  return [...files, reportPath, metadata];
}

/** Reads every `<SYMBOL>.csv` listed in features_report.json (a missing one is an error). */
export function readFeatureDir(dir: string): FeatureTable[] {
  const reportPath = join(dir, FEATURE_FILES.report);
  let symbols: string[];
  try {
    const report = readJsonBounded(reportPath, { maxBytes: READ_LIMITS.metadata, what: 'features report' });
    symbols = Object.keys((report as { symbols: Record<string, unknown> }).symbols).sort();
  } catch (e) {
    throw new DataValidationError(`no features in ${dir}`, [
      {
        path: reportPath,
        message: (e instanceof SenseQuantError && e.issues[0]?.message) || 'missing or unreadable',
        fix: 'run the features stage first (npm run repro)',
      },
    ]);
  }
  const missing = symbols.filter((s) => !existsSync(join(dir, symbolFile(s))));
  if (missing.length > 0) {
    throw new DataValidationError(
      `incomplete features in ${dir}`,
      missing.map((s) => ({
        path: join(dir, symbolFile(s)),
        message: `listed in ${FEATURE_FILES.report} but missing`,
        fix: 're-run the features stage',
      })),
    );
  }
  return symbols.map((s) => readFeatureCsv(join(dir, symbolFile(s)), s));
}
