import type { Issue } from '../core/index.js';
import { BarProblem, checkBar, describeBarProblem } from './bar-rules.js';
import { formatTs } from './calendar.js';
import { parseNumberField, splitCsvLine } from './csv-fields.js';
import type { CsvColumns } from './csv-header.js';
import { parseTimestamp } from './parse-timestamp.js';
import { SeriesBuilder } from './series-builder.js';

/** Per-file parsing context of the CSV importer. */
export interface FileState {
  file: string;
  cols: CsvColumns;
  nFields: number;
  defaultSymbol: string;
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
    if (symbol.length === 0) return bad(cols.symbol, 'empty symbol', f[cols.symbol], 'fill in the symbol');
  }
  const ts = parseTimestamp(f[cols.ts], tz);
  if (Number.isNaN(ts)) {
    return bad(
      cols.ts,
      'unparsable timestamp',
      f[cols.ts],
      'use YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] or ISO-8601 with an optional Z/±HH:MM offset',
    );
  }
  const o = parseNumberField(f[cols.open]);
  const h = parseNumberField(f[cols.high]);
  const l = parseNumberField(f[cols.low]);
  const c = parseNumberField(f[cols.close]);
  const v = parseNumberField(f[cols.volume]);
  const code = checkBar(o, h, l, c, v);
  if (code === BarProblem.nonFinite) {
    const k = [o, h, l, c, v].findIndex((x) => Number.isNaN(x));
    const col = [cols.open, cols.high, cols.low, cols.close, cols.volume][k];
    return bad(
      col,
      'not a number',
      f[col],
      'write a plain decimal number (missing quotes such as Yahoo "null" must be removed)',
    );
  }
  if (code !== BarProblem.ok) {
    const d = describeBarProblem(code, o, h, l, c, v);
    return bad(cols[d.column], d.message, f[cols[d.column]], d.fix);
  }
  let b = builders.get(symbol);
  if (b === undefined) {
    b = new SeriesBuilder(symbol, tz);
    builders.set(symbol, b);
  }
  if (ts <= b.lastTs) {
    const kind = ts === b.lastTs ? 'duplicate' : 'out-of-order';
    return bad(
      cols.ts,
      `${kind} timestamp for ${symbol} (previous row ${formatTs(b.lastTs, tz)})`,
      f[cols.ts],
      'sort rows by time and remove duplicates',
    );
  }
  b.push(ts, o, h, l, c, v);
  return undefined;
}
