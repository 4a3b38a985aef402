/** Rows as objects, or a column-oriented frame (a danfo DataFrame has `columns` and `values`). */
export type TableInput =
  | readonly Record<string, unknown>[]
  | {
      columns: readonly string[];
      values: readonly (readonly unknown[])[] | readonly unknown[];
      /** Row labels; shown as a first column unless they are just 0, 1, 2, … */
      index?: readonly (string | number)[];
    };

/** Options of tableHtml. */
export interface TableHtmlOptions {
  /** Significant digits of non-integer numbers (default 4). */
  digits?: number;
  caption?: string;
  /** Show at most this many rows (default all). */
  maxRows?: number;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ESC[c]);

/** A cell value as text: integers as is, other numbers to `digits` significant digits, null/NaN as –. */
export function formatCell(v: unknown, digits = 4): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '–';
    return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(digits)));
  }
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

function normalise(t: TableInput): { columns: string[]; rows: unknown[][] } {
  if (Array.isArray(t)) {
    const rows = t as readonly Record<string, unknown>[];
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    return { columns, rows: rows.map((r) => columns.map((c) => r[c])) };
  }
  const f = t as {
    columns: readonly string[];
    values: readonly unknown[];
    index?: readonly (string | number)[];
  };
  const rows = f.values.map((r) => (Array.isArray(r) ? [...r] : [r]));
  const idx = f.index;
  if (idx && idx.length === rows.length && idx.some((v, i) => v !== i)) {
    return { columns: ['', ...f.columns], rows: rows.map((r, i) => [idx[i], ...r]) };
  }
  return { columns: [...f.columns], rows };
}

/** An HTML table (escaped) from rows or a data frame, numbers right-aligned. */
export function tableHtml(t: TableInput, opts: TableHtmlOptions = {}): string {
  const { columns, rows } = normalise(t);
  const shown = opts.maxRows !== undefined ? rows.slice(0, opts.maxRows) : rows;
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = shown
    .map(
      (r) =>
        `<tr>${r
          .map(
            (v) =>
              `<td${typeof v === 'number' ? ' style="text-align:right"' : ''}>${escapeHtml(formatCell(v, opts.digits))}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  const more = shown.length < rows.length ? `<p>… ${rows.length - shown.length} more rows</p>` : '';
  const caption = opts.caption ? `<caption>${escapeHtml(opts.caption)}</caption>` : '';
  return `<table class="sq-table">${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${more}`;
}

/** A Markdown table from rows (for reports/promotion_report.md). */
export function markdownTable(rows: readonly Record<string, unknown>[], digits = 4): string {
  const { columns, rows: cells } = normalise(rows);
  const line = (xs: string[]) => `| ${xs.map((x) => x.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [
    line(columns),
    line(columns.map(() => '---')),
    ...cells.map((r) => line(r.map((v) => formatCell(v, digits)))),
  ].join('\n');
}
