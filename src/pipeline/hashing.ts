import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  type Stats,
  statSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { ArtifactError } from '../core/index.js';
import { stableStringify } from './atomic-write.js';

/** sha256 hex of bytes or a string. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

const CHUNK = 1 << 20;

/**
 * sha256 hex of a regular file's bytes, streamed in 1 MiB chunks (constant memory at any size). A FIFO,
 * device, socket or directory is refused (ArtifactError) instead of being read forever.
 */
export function sha256File(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new ArtifactError(`cannot hash ${path}`, [
      { path, file: path, message: (e as NodeJS.ErrnoException).code ?? String(e), fix: 'check the path' },
    ]);
  }
  try {
    if (!fstatSync(fd).isFile()) {
      throw new ArtifactError(`cannot hash ${path}: not a regular file`, [
        {
          path,
          file: path,
          message: 'expected a regular file',
          fix: 'remove it or replace it with the file',
        },
      ]);
    }
    const h = createHash('sha256');
    const buf = Buffer.allocUnsafe(CHUNK);
    for (let n = readSync(fd, buf, 0, CHUNK, null); n > 0; n = readSync(fd, buf, 0, CHUNK, null))
      h.update(buf.subarray(0, n));
    return h.digest('hex');
  } finally {
    closeSync(fd);
  }
}

/**
 * sha256 of a directory: the hash of the sorted list of `relative-path sha256` lines. Symbolic links are
 * recorded by their target text, not followed (a link to an ancestor would otherwise never end).
 */
export function sha256Dir(dir: string): string {
  const lines: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isSymbolicLink()) lines.push(`${relative(dir, p)} -> ${readlinkSync(p)}`);
      else lines.push(`${relative(dir, p)} ${sha256File(p)}`);
    }
  };
  walk(dir);
  return sha256(lines.join('\n'));
}

/** sha256 of a file or directory path (a symbolic link to either is followed). */
export function sha256Path(path: string): string {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    throw new ArtifactError(`cannot hash ${path}`, [
      { path, file: path, message: (e as NodeJS.ErrnoException).code ?? String(e), fix: 'check the path' },
    ]);
  }
  return st.isDirectory() ? sha256Dir(path) : sha256File(path);
}

/** Canonical JSON (keys sorted, no whitespace) of a value. */
export function canonicalJson(value: unknown): string {
  return stableStringify(value);
}

/** config_hash: first 8 hex chars of sha256 of the canonical JSON of the validated params. */
export function configHash(params: unknown): string {
  return sha256(canonicalJson(params)).slice(0, 8);
}
