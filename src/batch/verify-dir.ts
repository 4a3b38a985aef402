import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { READ_LIMITS, readJsonBounded, sha256Path } from '../pipeline/index.js';

/** A stage directory that verified (with its metadata), or why it did not. */
export type DirCheck = { ok: true; metadata: Record<string, unknown> } | { ok: false; reason: string };

interface Provenance {
  config_hash?: unknown;
  inputs?: unknown;
  outputs?: unknown;
}

/** The first recorded path whose current sha256 differs from the record (or is gone), else null. */
function firstMismatch(dir: string, recorded: Record<string, unknown>, what: string): string | null {
  for (const [key, want] of Object.entries(recorded)) {
    const path = resolve(key);
    const name = relative(dir, path);
    if (!existsSync(path)) return `${what} ${name} missing`;
    let got: string;
    try {
      got = sha256Path(path);
    } catch {
      return `${what} ${name} unreadable`;
    }
    if (got !== want) return `${what} ${name} does not match its sha256`;
  }
  return null;
}

/**
 * Whether `dir` holds a complete, current stage output: its metadata file (written last, atomically)
 * parses, was written under `configHash`, lists every `required` file among its outputs, every output
 * still has the sha256 recorded there, and so does every input (the data or upstream model it was made
 * from). Keys are relative to the working directory, as stageProvenance writes them. Anything else —
 * missing, partial, edited, stale, another config — is not ok.
 */
export function verifyStageDir(
  dir: string,
  metadataFile: string,
  required: readonly string[],
  configHash: string,
): DirCheck {
  const metaPath = join(dir, metadataFile);
  if (!existsSync(metaPath)) return { ok: false, reason: `${metadataFile} missing` };
  let meta: Record<string, unknown>;
  try {
    meta = readJsonBounded(metaPath, { maxBytes: READ_LIMITS.metadata, what: 'metadata' }) as Record<
      string,
      unknown
    >;
  } catch {
    return { ok: false, reason: `${metadataFile} unreadable` };
  }
  const prov = (meta?.provenance ?? {}) as Provenance;
  if (prov.config_hash !== configHash)
    return { ok: false, reason: `written under config ${String(prov.config_hash)}, not ${configHash}` };
  const outputs = prov.outputs;
  if (outputs === null || typeof outputs !== 'object') return { ok: false, reason: 'no outputs recorded' };
  const listed = new Set(Object.keys(outputs).map((k) => resolve(k)));
  const absent = required.filter((f) => !listed.has(resolve(dir, f)));
  if (absent.length > 0) return { ok: false, reason: `outputs lack ${absent.join(', ')}` };
  const changed =
    firstMismatch(dir, outputs as Record<string, unknown>, 'output') ??
    firstMismatch(dir, (prov.inputs ?? {}) as Record<string, unknown>, 'input');
  if (changed !== null) return { ok: false, reason: changed };
  return { ok: true, metadata: meta };
}
