import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { constants } from 'node:fs';

/** Size limits of what the registry reads (documented in the README's threat model). */
export const REGISTRY_LIMITS = {
  /** student_model.json and scorer.json. */
  modelBytes: 64 * 1024 * 1024,
  /** metadata.json, promotion_checklist.json, registry_entry.json. */
  jsonBytes: 4 * 1024 * 1024,
  /** MANIFEST.sha256. */
  manifestBytes: 1024 * 1024,
  /** Any other file listed in a manifest (reports, plots). */
  fileBytes: 256 * 1024 * 1024,
} as const;

/** Why a bounded read failed, in words a person can act on. */
export type ReadFailure = { ok: false; detail: string };

/**
 * Reads a regular file of at most `maxBytes`, refusing symlinks, directories, FIFOs and devices before
 * reading a byte (O_NOFOLLOW + fstat on the opened descriptor, so the checked file is the file read).
 */
export function readRegularFile(path: string, maxBytes: number): { ok: true; bytes: Buffer } | ReadFailure {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, detail: `${path} does not exist` };
    if (code === 'ELOOP') return { ok: false, detail: `${path} is a symlink (not allowed)` };
    return { ok: false, detail: `${path} cannot be opened (${code ?? 'error'})` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, detail: `${path} is not a regular file` };
    if (st.size > maxBytes)
      return { ok: false, detail: `${path} is ${st.size} bytes, over the ${maxBytes}-byte limit` };
    const bytes = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, bytes, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return { ok: true, bytes: off === st.size ? bytes : bytes.subarray(0, off) };
  } finally {
    closeSync(fd);
  }
}

/** readRegularFile + JSON.parse. */
export function readJsonFile(
  path: string,
  maxBytes: number = REGISTRY_LIMITS.jsonBytes,
): { ok: true; value: unknown } | ReadFailure {
  const r = readRegularFile(path, maxBytes);
  if (!r.ok) return r;
  try {
    return { ok: true, value: JSON.parse(r.bytes.toString('utf8')) };
  } catch (err) {
    return { ok: false, detail: `${path} is not valid JSON: ${(err as Error).message.slice(0, 200)}` };
  }
}
