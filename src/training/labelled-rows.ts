import { DataValidationError } from '../core/index.js';
import { type BarSeries, sliceBars } from '../data/index.js';
import type { FeatureTable } from '../features/index.js';
import { labelForwardReturns } from '../labels/index.js';
import type { Dataset } from '../models/index.js';

/**
 * Labelled rows pooled over symbols, sorted by (ts, symbol) so that row order is time order.
 * Features are column-major (a Dataset); per-row metadata lives in parallel typed arrays.
 */
export interface LabelledRows {
  n: number;
  ts: Float64Array;
  symbolIdx: Int32Array;
  symbols: string[];
  x: Dataset;
  label: Int32Array;
  forwardReturn: Float64Array;
  /** Rows dropped because the horizon ran past the data, and warm-up rows, for dataset_stats. */
  excludedHorizon: number;
  excludedWarmup: number;
  /** Rows dropped because their label window crosses a session close (intraday labels only). */
  excludedSession: number;
  /** Per symbol: bars, those in the labelled window, warm-up and horizon exclusions, labelled rows. */
  perSymbol?: SymbolRowCounts[];
}

/** How one symbol's bars became labelled rows (the too-few-bars gate reports these counts). */
export interface SymbolRowCounts {
  symbol: string;
  bars: number;
  windowBars: number;
  warmup: number;
  horizon: number;
  labelled: number;
}

/** Options: label horizon/threshold and the labelled date window (bars before `start` only warm up features). */
export interface LabelOptions {
  horizon: number;
  minHoldingReturn: number;
  startMs?: number;
  endMs?: number;
  /**
   * Last bar a label may use (default `endMs`): a walk-forward window labels its rows up to `endMs` with
   * forward returns that run `horizon` bars past it, so every row of the window gets its label.
   */
  labelEndMs?: number;
  /** Intraday labels: exchange timezone of the sessions no label may hold across (see labelForwardReturns). */
  sessionTz?: string;
}

/** Joins bars, features and forward-return labels of every symbol into time-ordered labelled rows. */
export function buildLabelledRows(
  bars: BarSeries[],
  tables: FeatureTable[],
  opts: LabelOptions,
): LabelledRows {
  const bySymbol = new Map(tables.map((t) => [t.symbol, t]));
  const featureNames = tables[0]?.names ?? [];
  const picks: { s: number; t: number }[] = [];
  const parts: {
    bars: BarSeries;
    table: FeatureTable;
    label: Int8Array;
    fwd: Float64Array;
    rows: Int32Array;
  }[] = [];
  let excludedHorizon = 0;
  let excludedWarmup = 0;
  let excludedSession = 0;
  const symbols: string[] = [];
  const perSymbol: SymbolRowCounts[] = [];
  for (const b of bars) {
    const table = bySymbol.get(b.symbol);
    if (!table)
      throw new DataValidationError(`no features for ${b.symbol}`, [
        { path: b.symbol, message: 'missing feature table', fix: 're-run the features stage' },
      ]);
    if (
      table.ts.length !== b.ts.length ||
      table.ts[0] !== b.ts[0] ||
      table.ts[table.ts.length - 1] !== b.ts[b.ts.length - 1]
    ) {
      throw new DataValidationError(`features of ${b.symbol} are not aligned with its bars`, [
        {
          path: b.symbol,
          message: `bars ${b.ts.length} rows, features ${table.ts.length} rows`,
          fix: 're-run the features stage on the same data',
        },
      ]);
    }
    if (table.names.join(',') !== featureNames.join(',')) {
      throw new DataValidationError('feature columns differ between symbols', [
        { path: b.symbol, message: table.names.join(','), fix: 're-run the features stage' },
      ]);
    }
    // Labels are computed on the window-cut bars so no label ever peeks past opts.labelEndMs (endMs).
    const labelEnd = opts.labelEndMs ?? opts.endMs;
    let hi = b.ts.length;
    if (labelEnd !== undefined) while (hi > 0 && b.ts[hi - 1] > labelEnd) hi--;
    const cut = sliceBars(b, 0, hi);
    const lab = labelForwardReturns(cut, {
      horizon: opts.horizon,
      minHoldingReturn: opts.minHoldingReturn,
      sessionTz: opts.sessionTz,
    });
    const rows: number[] = [];
    const counts: SymbolRowCounts = {
      symbol: b.symbol,
      bars: b.ts.length,
      windowBars: 0,
      warmup: 0,
      horizon: 0,
      labelled: 0,
    };
    for (let t = 0; t < hi; t++) {
      if (opts.startMs !== undefined && b.ts[t] < opts.startMs) continue;
      if (opts.endMs !== undefined && b.ts[t] > opts.endMs) break;
      counts.windowBars++;
      if (t < table.firstValid) {
        excludedWarmup++;
        counts.warmup++;
        continue;
      }
      if (!lab.valid[t]) {
        // Unlabelled with its exit bar inside the data: the window crosses a session close (intraday).
        if (t + opts.horizon < hi) excludedSession++;
        else excludedHorizon++;
        counts.horizon++;
        continue;
      }
      rows.push(t);
    }
    counts.labelled = rows.length;
    perSymbol.push(counts);
    const s = symbols.push(b.symbol) - 1;
    parts.push({ bars: b, table, label: lab.label, fwd: lab.forwardReturn, rows: Int32Array.from(rows) });
    for (const t of rows) picks.push({ s, t });
  }
  // One sort of small index records at assembly time; everything downstream is typed arrays.
  picks.sort((a, b) => parts[a.s].bars.ts[a.t] - parts[b.s].bars.ts[b.t] || a.s - b.s);
  const n = picks.length;
  const d = featureNames.length;
  const columns = Array.from({ length: d }, () => new Float64Array(n));
  const ts = new Float64Array(n);
  const symbolIdx = new Int32Array(n);
  const label = new Int32Array(n);
  const forwardReturn = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const { s, t } = picks[i];
    const p = parts[s];
    ts[i] = p.bars.ts[t];
    symbolIdx[i] = s;
    label[i] = p.label[t];
    forwardReturn[i] = p.fwd[t];
    for (let j = 0; j < d; j++) columns[j][i] = p.table.columns[j][t];
  }
  return {
    n,
    ts,
    symbolIdx,
    symbols,
    x: { n, d, columns, featureNames: [...featureNames] },
    label,
    forwardReturn,
    excludedHorizon,
    excludedWarmup,
    excludedSession,
    perSymbol,
  };
}

/** Selects rows by index into a new column-major Dataset. */
export function takeRows(x: Dataset, idx: Int32Array): Dataset {
  const columns = x.columns.map((col) => {
    const out = new Float64Array(idx.length);
    for (let i = 0; i < idx.length; i++) out[i] = col[idx[i]];
    return out;
  });
  return { n: idx.length, d: x.d, columns, featureNames: x.featureNames };
}

/** Gathers typed-array values at indices. */
export function gather<T extends Float64Array | Int32Array>(a: T, idx: Int32Array): T {
  const out = new (a.constructor as new (n: number) => T)(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = a[idx[i]];
  return out;
}
