import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stableStringify } from './atomic-write.js';

/** sha256 hex of bytes or a string. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** sha256 hex of a file's bytes. */
export function sha256File(path: string): string {
  return sha256(readFileSync(path));
}

/** sha256 of a directory: the hash of the sorted list of `relative-path sha256` lines. */
export function sha256Dir(dir: string): string {
  const lines: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else lines.push(`${relative(dir, p)} ${sha256File(p)}`);
    }
  };
  walk(dir);
  return sha256(lines.join('\n'));
}

/** sha256 of a file or directory path. */
export function sha256Path(path: string): string {
  return statSync(path).isDirectory() ? sha256Dir(path) : sha256File(path);
}

/** Canonical JSON (keys sorted, no whitespace) of a value. */
export function canonicalJson(value: unknown): string {
  return stableStringify(value);
}

/** config_hash: first 8 hex chars of sha256 of the canonical JSON of the validated params. */
export function configHash(params: unknown): string {
  return sha256(canonicalJson(params)).slice(0, 8);
}
