import { closeSync, existsSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensureDir, READ_LIMITS, readTextBounded, stableStringify } from '../pipeline/index.js';

/**
 * Appends one JSON line (keys sorted) to `path` with O_APPEND, so a reader tailing the file sees whole
 * lines as they are written. A process killed mid-append can leave a torn last line: the next append
 * starts on a fresh line so its own line stays parseable (readers skip the torn one).
 */
export function appendJsonLine(path: string, value: unknown): void {
  ensureDir(dirname(path));
  const fd = openSync(path, 'a+');
  try {
    const size = fstatSync(fd).size;
    const last = Buffer.alloc(1);
    const sep = size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a ? '\n' : '';
    writeSync(fd, `${sep}${stableStringify(value)}\n`);
  } finally {
    closeSync(fd);
  }
}

/** Lines of a JSONL file that parse, in order, and the 1-based numbers of those that do not. */
export function readJsonLines(
  path: string,
  maxBytes = READ_LIMITS.metadata,
): { values: unknown[]; badLines: number[] } {
  if (!existsSync(path)) return { values: [], badLines: [] };
  const values: unknown[] = [];
  const badLines: number[] = [];
  readTextBounded(path, { maxBytes, what: 'JSON lines' })
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        values.push(JSON.parse(line));
      } catch {
        badLines.push(i + 1);
      }
    });
  return { values, badLines };
}
