import type { Issue } from '../core/index.js';
import { BarProblem, checkBar, describeBarProblem } from './bar-rules.js';
import { formatTs } from './calendar.js';
import { parseNumberField, splitCsvLine } from './csv-fields.js';
import type { CsvColumns } from './csv-header.js';
import { scanned, scanTimestamp } from './parse-timestamp.js';
import { SeriesBuilder } from './series-builder.js';
import { symbolProblem } from './symbols.js';
import { LocalTimeKind, localTime, resolveLocalTime } from './tz-offset.js';

/** Per-file parsing context of the CSV importer. */
export interface FileState {
  file: string;
  /** Index of the file in the import's file list (kept per bar for later messages). */
  fileIdx: number;
  cols: CsvColumns;
  nFields: number;
  defaultSymbol: string;
  /** Scale open/high/low/close by adj_close/close (and volume inversely). */
  adjust: boolean;
  /** Symbols with at least one accepted row in this file. */
  symbols: Set<string>;
}

const NULL_FIX =
  'Yahoo writes null for sessions without a quote: delete those rows, or set data.on_bad_rows: skip to drop and count them';

function isNullText(s: string): boolean {
  const t = s.trim().toLowerCase();
  return t === 'null' || t === 'nan' || t === 'n/a' || t === 'na' || t === '-';
}

/** Parses one data line; pushes it into its symbol's builder or returns the row's issue. */
export function parseRow(
  line: string,
  lineNo: number,
  st: FileState,
  tz: string,
  builders: Map<string, SeriesBuilder>,
): Issue | undefined {
  const { file, cols } = st;
  const f = splitCsvLine(line);
  const bad = (col: number, message: string, value: unknown, fix: string): Issue => ({
    code: 'csv.bad_value',
    file,
    line: lineNo,
    path: col >= 0 ? cols.names[col] : 'row',
    message,
    value,
    fix,
  });
  if (f.length !== st.nFields) {
    return bad(
      -1,
      `row has ${f.length} fields but the header has ${st.nFields}`,
      line,
      'quote fields that contain commas; one value per header column',
    );
  }
  let symbol = st.defaultSymbol;
  if (cols.symbol >= 0) {
    symbol = f[cols.symbol].trim().toUpperCase();
    const problem = symbolProblem(symbol);
    if (problem !== null) {
      return bad(
        cols.symbol,
        problem,
        f[cols.symbol],
        'use a ticker of letters, digits and . - _ & (e.g. RELIANCE.NS)',
      );
    }
  }
  const wall = scanTimestamp(f[cols.ts]);
  if (Number.isNaN(wall)) {
    return bad(
      cols.ts,
      'unparsable timestamp',
      f[cols.ts],
      'use YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or ISO-8601 with an optional Z/±HH:MM offset',
    );
  }
  const naive = Number.isNaN(scanned.offsetMs);
  const hasTime = scanned.hasTime;
  const o = parseNumberField(f[cols.open]);
  const h = parseNumberField(f[cols.high]);
  const l = parseNumberField(f[cols.low]);
  const c = parseNumberField(f[cols.close]);
  const v = parseNumberField(f[cols.volume]);
  const code = checkBar(o, h, l, c, v);
  if (code === BarProblem.nonFinite) {
    const k = [o, h, l, c, v].findIndex((x) => Number.isNaN(x));
    const col = [cols.open, cols.high, cols.low, cols.close, cols.volume][k];
    if (isNullText(f[col])) return bad(col, `${cols.names[col]} is missing (null)`, f[col], NULL_FIX);
    return bad(col, 'not a number', f[col], 'write a plain decimal number');
  }
  if (code !== BarProblem.ok) {
    const d = describeBarProblem(code, o, h, l, c, v);
    return bad(cols[d.column], d.message, f[cols[d.column]], d.fix);
  }
  let factor = 1;
  if (st.adjust) {
    const adj = parseNumberField(f[cols.adjClose]);
    if (!(adj > 0)) {
      return bad(
        cols.adjClose,
        isNullText(f[cols.adjClose])
          ? 'adjusted close is missing (null)'
          : 'adjusted close must be a number > 0',
        f[cols.adjClose],
        isNullText(f[cols.adjClose])
          ? NULL_FIX
          : 'correct the row, or set data.adjust: none to use raw prices',
      );
    }
    factor = adj / c;
  }
  let b = builders.get(symbol);
  if (b === undefined) {
    b = new SeriesBuilder(symbol, tz);
    builders.set(symbol, b);
  }
  let ts = naive ? Number.NaN : wall - scanned.offsetMs;
  let dst = '';
  if (naive) {
    const kind = resolveLocalTime(wall, tz);
    if (kind === LocalTimeKind.gap && hasTime) {
      return bad(
        cols.ts,
        `local time ${f[cols.ts].trim()} does not exist in ${tz}: the clocks jump forward over it (DST change)`,
        f[cols.ts],
        'the row is probably in another time zone: write timestamps with their offset (e.g. 2024-03-10T02:30:00-05:00) or fix base.exchange_tz',
      );
    }
    // In the repeated hour of a fall-back the second occurrence (after the first, in file order) is
    // the later instant: sorted files then read in order.
    ts = kind === LocalTimeKind.repeated && localTime.early <= b.lastTs ? localTime.late : localTime.early;
    if (kind === LocalTimeKind.repeated)
      dst = ` (${f[cols.ts].trim()} is in the hour repeated when ${tz} falls back from DST)`;
  }
  if (ts <= b.lastTs) {
    const kind = ts === b.lastTs ? 'duplicate' : 'out-of-order';
    return bad(
      cols.ts,
      `${kind} timestamp for ${symbol} (previous row ${formatTs(b.lastTs, tz)})${dst}`,
      f[cols.ts],
      dst
        ? 'the repeated hour can hold each wall time twice at most: write timestamps with their offset to tell them apart'
        : 'sort rows by time and remove duplicates',
    );
  }
  st.symbols.add(symbol);
  if (factor === 1) b.push(ts, o, h, l, c, v, wall, st.fileIdx, lineNo);
  else b.push(ts, o * factor, h * factor, l * factor, c * factor, v / factor, wall, st.fileIdx, lineNo);
  return undefined;
}
