import { SenseQuantError } from '../core/index.js';
import { parseJsonBytes, READ_LIMITS, readFileBounded } from '../pipeline/index.js';

/** Size limits of what the registry reads (the pipeline's READ_LIMITS; documented in the README's threat model). */
export const REGISTRY_LIMITS = {
  /** student_model.json and scorer.json. */
  modelBytes: READ_LIMITS.model,
  /** metadata.json, promotion_checklist.json, registry_entry.json. */
  jsonBytes: READ_LIMITS.metadata,
  /** MANIFEST.sha256. */
  manifestBytes: READ_LIMITS.manifest,
  /** Any other file listed in a manifest (reports, plots). */
  fileBytes: READ_LIMITS.model,
} as const;

/** Why a bounded read failed, in words a person can act on. */
export type ReadFailure = { ok: false; detail: string };

function detailOf(err: unknown): string {
  if (err instanceof SenseQuantError) return err.issues.map((i) => `${i.path} ${i.message}`).join('; ');
  throw err;
}

/**
 * The pipeline's bounded reader as a non-throwing check: a regular file of at most `maxBytes`, with
 * symlinks, directories, FIFOs and devices refused before a byte is read (O_NOFOLLOW + fstat).
 */
export function readRegularFile(path: string, maxBytes: number): { ok: true; bytes: Buffer } | ReadFailure {
  try {
    return { ok: true, bytes: readFileBounded(path, { maxBytes, what: 'registry file', noFollow: true }) };
  } catch (err) {
    return { ok: false, detail: detailOf(err) };
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
    return { ok: true, value: parseJsonBytes(r.bytes, path, { what: 'registry file' }) };
  } catch (err) {
    return { ok: false, detail: detailOf(err) };
  }
}
