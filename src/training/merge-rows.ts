import { DataValidationError } from '../core/index.js';
import type { ColumnsTable } from '../pipeline/index.js';
import type { LabelledRows } from './labelled-rows.js';

/** Rebuilds labelled rows from an earlier teacher's labels table (for --append-labels). */
export function rowsFromLabelsTable(t: ColumnsTable, featureNames: string[]): LabelledRows {
  const symCol = t.strings.get('symbol') as string[];
  const symbols = [...new Set(symCol)].sort();
  const index = new Map(symbols.map((s, i) => [s, i]));
  const num = (c: string) => t.numbers.get(c) as Float64Array;
  return {
    n: t.n,
    ts: Float64Array.from(num('ts')),
    symbolIdx: Int32Array.from(symCol, (s) => index.get(s) as number),
    symbols,
    x: {
      n: t.n,
      d: featureNames.length,
      columns: featureNames.map((c) => Float64Array.from(num(c))),
      featureNames,
    },
    label: Int32Array.from(num('label_id')),
    forwardReturn: Float64Array.from(num('forward_return')),
    excludedHorizon: 0,
    excludedWarmup: 0,
    excludedSession: 0,
  };
}

/**
 * Appends `newer` to `older`: rows are keyed by (symbol, ts); a key present in both takes the newer row
 * (its label may now be computed from a complete horizon). The result is sorted by (ts, symbol).
 */
export function mergeRows(older: LabelledRows, newer: LabelledRows): LabelledRows {
  if (older.x.featureNames.join(',') !== newer.x.featureNames.join(',')) {
    throw new DataValidationError('cannot append labels: feature columns differ from the baseline run', [
      {
        path: 'features',
        value: newer.x.featureNames,
        message: `baseline has ${older.x.featureNames.join(',')}`,
        fix: 'use the same --features as the baseline run',
      },
    ]);
  }
  const symbols = [...new Set([...older.symbols, ...newer.symbols])].sort();
  const sIdx = new Map(symbols.map((s, i) => [s, i]));
  const recs: { src: LabelledRows; i: number; s: number; ts: number }[] = [];
  const seen = new Set<string>();
  for (const src of [newer, older]) {
    for (let i = 0; i < src.n; i++) {
      const sym = src.symbols[src.symbolIdx[i]];
      const key = `${sym}|${src.ts[i]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      recs.push({ src, i, s: sIdx.get(sym) as number, ts: src.ts[i] });
    }
  }
  recs.sort((a, b) => a.ts - b.ts || a.s - b.s);
  const n = recs.length;
  const d = newer.x.d;
  const columns = Array.from({ length: d }, () => new Float64Array(n));
  const out: LabelledRows = {
    n,
    ts: new Float64Array(n),
    symbolIdx: new Int32Array(n),
    symbols,
    x: { n, d, columns, featureNames: newer.x.featureNames },
    label: new Int32Array(n),
    forwardReturn: new Float64Array(n),
    excludedHorizon: newer.excludedHorizon,
    excludedWarmup: newer.excludedWarmup,
    excludedSession: newer.excludedSession,
  };
  recs.forEach((r, k) => {
    out.ts[k] = r.ts;
    out.symbolIdx[k] = r.s;
    out.label[k] = r.src.label[r.i];
    out.forwardReturn[k] = r.src.forwardReturn[r.i];
    for (let j = 0; j < d; j++) columns[j][k] = r.src.x.columns[j][r.i];
  });
  return out;
}
