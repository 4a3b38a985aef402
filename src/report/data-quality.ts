import { join } from 'node:path';
import type { IngestReport } from '../data/index.js';
import { RAW_FILES, READ_LIMITS, readJsonBounded } from '../pipeline/index.js';

/** The ingest stage's report (data/raw/ingest_report.json). */
export function readIngestReport(rawDir: string): IngestReport {
  return readJsonBounded(join(rawDir, RAW_FILES.report), {
    maxBytes: READ_LIMITS.metadata,
    what: 'ingest report',
    fix: 're-run the ingest stage',
  }) as IngestReport;
}

/** One row of the data-quality table: what ingest measured for one symbol. */
export interface DataQualityRow {
  symbol: string;
  bars: number;
  warmup_bars: number;
  window_bars: number;
  unchanged_close_share: number;
  zero_volume: boolean;
  outside_session: number;
  weekend: number;
  suspected_splits: number;
  adjusted: boolean;
  dropped: boolean;
  findings: number;
}

/** Per-symbol data-quality rows from the ingest report (dropped symbols included, marked). */
export function dataQualityRows(r: IngestReport): DataQualityRow[] {
  const symbols = [...new Set([...r.symbols, ...r.quality.dropped])].sort();
  return symbols.map((s) => {
    const q = r.quality.per_symbol[s];
    return {
      symbol: s,
      bars: r.bars[s] ?? q?.bars ?? 0,
      warmup_bars: r.window_bars[s]?.lookback ?? 0,
      window_bars: r.window_bars[s]?.window ?? 0,
      unchanged_close_share: q?.unchanged_close_share ?? Number.NaN,
      zero_volume: q?.zero_volume ?? false,
      outside_session: q?.outside_session ?? 0,
      weekend: q?.weekend ?? 0,
      suspected_splits: r.suspected_splits.filter((x) => x.symbol === s).length,
      adjusted: r.adjustment.adjusted.includes(s),
      dropped: r.quality.dropped.includes(s),
      findings: r.quality.findings.filter((f) => f.symbol === s).length,
    };
  });
}

/** Everything ingest flagged, one row each: quality findings, suspected splits, skipped-row examples. */
export function dataQualityFindings(r: IngestReport): { kind: string; symbol: string; detail: string }[] {
  return [
    ...r.quality.findings.map((f) => ({
      kind: `${f.check} (${f.action})`,
      symbol: f.symbol,
      detail: f.message,
    })),
    ...r.suspected_splits.map((s) => ({
      kind: 'suspected split',
      symbol: s.symbol,
      detail: `${s.date}: close ${s.previous_close} → ${s.close} (×${s.ratio.toFixed(3)}), ${s.hint}`,
    })),
    ...r.bad_row_examples.map((i) => ({
      kind: 'skipped row',
      symbol: i.file ?? '',
      detail: `${i.line !== undefined ? `line ${i.line}: ` : ''}${i.path} ${i.message}`,
    })),
  ];
}
