import { constants as bufferConstants } from 'node:buffer';
import { gzipSync } from 'node:zlib';
import { ArtifactError } from '../core/index.js';
import { writeFileAtomic } from './atomic-write.js';
import { READ_LIMITS, readFileBounded } from './bounded-read.js';
import { gunzipBounded } from './gunzip-bounded.js';

/** A column: numbers (NaN written as an empty field) or strings (no commas/quotes/newlines). */
export type Column = Float64Array | Int32Array | Int8Array | readonly string[];

/**
 * Writes aligned columns as CSV (gzip when the path ends in .gz) atomically. Numbers use String(x), so
 * a re-read gives bit-identical doubles; gzip output has no timestamp, so the bytes are reproducible.
 */
export function writeColumnsCsv(path: string, names: readonly string[], columns: readonly Column[]): void {
  const n = columns.length > 0 ? columns[0].length : 0;
  const parts: string[] = [names.join(',')];
  const row: string[] = new Array(columns.length);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < columns.length; j++) {
      const v = columns[j][i];
      row[j] = typeof v === 'number' ? (Number.isNaN(v) ? '' : String(v)) : v;
    }
    parts.push(row.join(','));
  }
  const text = `${parts.join('\n')}\n`;
  writeFileAtomic(path, path.endsWith('.gz') ? gzipSync(Buffer.from(text), { level: 9 }) : text);
}

/** Columns read back: numeric columns as Float64Array, the ones listed in `stringColumns` as string[]. */
export interface ColumnsTable {
  names: string[];
  n: number;
  numbers: Map<string, Float64Array>;
  strings: Map<string, string[]>;
}

/**
 * Reads a CSV written by writeColumnsCsv; a malformed cell → ArtifactError naming file, line and column.
 * The file and (for .gz) its decompressed text are bounded by `maxBytes` (default READ_LIMITS.columnsCsv,
 * capped below the longest string V8 can hold): an oversized file or a gzip bomb is an ArtifactError, as
 * are a corrupt, truncated or non-gzip `.gz` file.
 */
export function readColumnsCsv(
  path: string,
  stringColumns: readonly string[] = [],
  opts: { maxBytes?: number } = {},
): ColumnsTable {
  const maxBytes = Math.min(opts.maxBytes ?? READ_LIMITS.columnsCsv, bufferConstants.MAX_STRING_LENGTH);
  const fix = 're-run the stage that writes it';
  const raw = readFileBounded(path, { maxBytes, what: 'artifact', fix });
  const text = (path.endsWith('.gz') ? gunzipBounded(raw, path, maxBytes, fix) : raw).toString('utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length === 0)
    throw new ArtifactError(`empty artifact ${path}`, [
      { path, message: 'no header', fix: 're-run the stage' },
    ]);
  const names = lines[0].split(',');
  const n = lines.length - 1;
  const isString = names.map((c) => stringColumns.includes(c));
  const numbers = new Map<string, Float64Array>();
  const strings = new Map<string, string[]>();
  const numCols: Float64Array[] = names.map(() => new Float64Array(0));
  const strCols: string[][] = names.map(() => []);
  names.forEach((c, j) => {
    if (isString[j]) {
      strCols[j] = new Array(n);
      strings.set(c, strCols[j]);
    } else {
      numCols[j] = new Float64Array(n);
      numbers.set(c, numCols[j]);
    }
  });
  for (let i = 0; i < n; i++) {
    const cells = lines[i + 1].split(',');
    if (cells.length !== names.length) {
      throw new ArtifactError(`corrupt artifact ${path}`, [
        {
          path,
          file: path,
          line: i + 2,
          message: `expected ${names.length} fields, got ${cells.length}`,
          fix: 're-run the stage',
        },
      ]);
    }
    for (let j = 0; j < names.length; j++) {
      if (isString[j]) strCols[j][i] = cells[j];
      else {
        const v = cells[j] === '' ? Number.NaN : Number(cells[j]);
        if (cells[j] !== '' && Number.isNaN(v)) {
          throw new ArtifactError(`corrupt artifact ${path}`, [
            {
              path: names[j],
              file: path,
              line: i + 2,
              value: cells[j],
              message: 'not a number',
              fix: 're-run the stage',
            },
          ]);
        }
        numCols[j][i] = v;
      }
    }
  }
  return { names, n, numbers, strings };
}
