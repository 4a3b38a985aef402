import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { DataValidationError } from '../core/index.js';

/** Largest CSV file the importer reads (512 MiB, about 8 million bars); `data.max_csv_mb` overrides it. */
export const MAX_CSV_BYTES = 512 * 1024 * 1024;

const CHUNK = 1 << 20;

function fail(file: string, message: string, fix: string): never {
  throw new DataValidationError(`Cannot read CSV file ${file}`, [{ file, path: 'file', message, fix }]);
}

/**
 * Streams the lines of a UTF-8 text file to `onLine(line, lineNo)` in 1 MiB chunks (a leading BOM and the
 * `\r` of CRLF are removed). The size is checked before anything is read: a file above `maxBytes`, or
 * anything that is not a regular file (directory, FIFO, device), is a DataValidationError naming it.
 */
export function readCsvLines(
  file: string,
  maxBytes: number,
  onLine: (line: string, lineNo: number) => void,
): void {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    fail(
      file,
      code === 'ENOENT' ? 'file does not exist' : `cannot read file (${code ?? String(err)})`,
      'check the path (relative paths are resolved from the working directory)',
    );
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      fail(file, st.isDirectory() ? 'is a directory, not a file' : 'is not a regular file', 'list CSV files');
    }
    if (st.size > maxBytes) {
      fail(
        file,
        `file is ${(st.size / 1048576).toFixed(1)} MiB, above the ${(maxBytes / 1048576).toFixed(1)} MiB limit`,
        'split the file (one file per symbol or per period) or raise data.max_csv_mb',
      );
    }
    const decoder = new TextDecoder('utf-8');
    const buf = Buffer.allocUnsafe(CHUNK);
    let rest = '';
    let lineNo = 0;
    let total = 0;
    let first = true;
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      total += n;
      if (total > maxBytes) fail(file, 'file grew above the size limit while being read', 'retry');
      let text = rest + (n > 0 ? decoder.decode(buf.subarray(0, n), { stream: true }) : decoder.decode());
      if (first && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      let pos = 0;
      for (;;) {
        const nl = text.indexOf('\n', pos);
        if (nl === -1) break;
        lineNo++;
        onLine(text.slice(pos, nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl), lineNo);
        pos = nl + 1;
      }
      rest = text.slice(pos);
      if (n === 0) break;
    }
    if (rest.length > 0) {
      lineNo++;
      onLine(rest.charCodeAt(rest.length - 1) === 13 ? rest.slice(0, -1) : rest, lineNo);
    }
  } finally {
    closeSync(fd);
  }
}
