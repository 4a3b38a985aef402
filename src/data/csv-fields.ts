/** Low-level CSV field helpers for the importer: quote-aware splitting and strict number parsing. */

/** Splits one CSV line into fields; handles `"quoted, fields"` and `""` escapes (no embedded newlines). */
export function splitCsvLine(line: string): string[] {
  if (line.indexOf('"') === -1) return line.split(',');
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  while (i <= n) {
    // Leading spaces before an opening quote are tolerated, as spreadsheets emit them.
    let j = i;
    while (j < n && line.charCodeAt(j) === 32) j++;
    if (j < n && line.charCodeAt(j) === 34) {
      let field = '';
      j++;
      while (j < n) {
        const q = line.indexOf('"', j);
        if (q === -1) {
          field += line.slice(j);
          j = n;
          break;
        }
        field += line.slice(j, q);
        if (line.charCodeAt(q + 1) === 34) {
          field += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      const comma = line.indexOf(',', j);
      out.push(field);
      if (comma === -1) break;
      i = comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      if (comma === -1) {
        out.push(line.slice(i));
        break;
      }
      out.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
  return out;
}

/**
 * Parses a decimal number field strictly: NaN for empty text, `null`, `NaN`, `Infinity`, hex and
 * other forms Number() would accept or turn into 0, so bad cells can never slip through as numbers.
 */
export function parseNumberField(text: string): number {
  let s = text;
  const n0 = s.length;
  if (n0 === 0) return Number.NaN;
  if (s.charCodeAt(0) <= 32 || s.charCodeAt(n0 - 1) <= 32) {
    s = s.trim();
    if (s.length === 0) return Number.NaN;
  }
  const c = s.charCodeAt(0);
  const isDigit = c >= 48 && c <= 57;
  if (!isDigit && c !== 45 && c !== 43 && c !== 46) return Number.NaN; // '-', '+', '.'
  if (c === 48 && s.length > 1) {
    const x = s.charCodeAt(1) | 32;
    if (x === 120 || x === 98 || x === 111) return Number.NaN; // 0x, 0b, 0o
  }
  const v = Number(s);
  return Number.isFinite(v) ? v : Number.NaN;
}
