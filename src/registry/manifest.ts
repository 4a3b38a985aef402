import { lstatSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ArtifactError } from '../core/index.js';
import { sha256, sha256File } from '../pipeline/index.js';
import { readRegularFile, REGISTRY_LIMITS } from './bounded-read.js';
import { checkModelBundle } from './model-bundle.js';
import { SIGNATURE_FILE, verifySignature } from './manifest-signature.js';
import { MANIFEST_FILE, VERSION_FILE } from './layout.js';
import type { FileChecksum } from './types.js';

/** Regular files under `dir`, relative with '/' separators, sorted; symlinks and specials are refused. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      const unsafe = unsafeManifestPath(r);
      if (unsafe !== null) {
        throw new ArtifactError('unsupported file name in model directory', [
          {
            path: r.slice(0, 80),
            file: dir,
            message: unsafe,
            fix: 'keep only the files train-student writes',
          },
        ]);
      }
      const st = lstatSync(join(dir, r));
      if (st.isDirectory()) walk(r);
      else if (st.isFile()) out.push(r);
      else
        throw new ArtifactError('unsupported file type in model directory', [
          { path: r, file: dir, message: 'only regular files and directories are allowed (no symlinks)' },
        ]);
    }
  };
  walk('');
  return out.sort();
}

/** sha256 of every regular file under `dir` except the manifest itself. */
export function buildManifest(dir: string): FileChecksum[] {
  return listFiles(dir)
    .filter((p) => p !== MANIFEST_FILE && p !== SIGNATURE_FILE)
    .map((p) => ({ path: p, sha256: sha256File(join(dir, p)) }));
}

/** Renders a manifest in `sha256sum -c` format. */
export function formatManifest(entries: FileChecksum[]): string {
  return entries.map((e) => `${e.sha256}  ${e.path}\n`).join('');
}

/** A manifest entry: a plain file name, or one plain sub-folder and a file name (`plots/roc_LONG.json`). */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

/** Why a manifest path is unsafe, or null when it is a plain name inside its version folder. */
export function unsafeManifestPath(path: string): string | null {
  if (path.length > 256) return 'longer than 256 characters';
  const parts = path.split('/');
  if (parts.length > 2) return 'nested deeper than one folder';
  for (const p of parts)
    if (!SEGMENT.test(p) || p === '.' || p === '..') return `"${p.slice(0, 40)}" is not a plain file name`;
  return null;
}

/** Parses `sha256sum` lines; null when any line is malformed or names an unsafe path (checked before any read). */
export function parseManifest(text: string): FileChecksum[] | null {
  const out: FileChecksum[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!m || unsafeManifestPath(m[2]) !== null) return null;
    out.push({ path: m[2], sha256: m[1] });
  }
  return out;
}

/** Result of checking a stored version directory against its manifest. */
export interface DirVerification {
  verified: boolean;
  problems: string[];
  model_sha256: string | null;
  files: FileChecksum[];
}

function readManifest(dir: string): { entries: FileChecksum[] } | { problem: string } {
  const r = readRegularFile(join(dir, MANIFEST_FILE), REGISTRY_LIMITS.manifestBytes);
  if (!r.ok) return { problem: `${MANIFEST_FILE}: ${r.detail}` };
  const text = r.bytes.toString('utf8');
  const bad = text
    .split('\n')
    .map((l) => /^[0-9a-f]{64} {2}(.+)$/.exec(l)?.[1])
    .find((p) => p !== undefined && unsafeManifestPath(p) !== null);
  if (bad !== undefined)
    return { problem: `${MANIFEST_FILE}: refuses entry "${bad.slice(0, 60)}": ${unsafeManifestPath(bad)}` };
  const entries = parseManifest(text);
  return entries ? { entries } : { problem: `${MANIFEST_FILE} malformed` };
}

/**
 * Verifies a version dir: manifest present, bounded, every entry a plain regular file inside the folder
 * whose sha256 matches (no symlinks, devices or FIFOs are opened), nothing unlisted, the optional HMAC
 * signature, model_version.txt naming the dir, and the model bundle loading as the engine loads it
 * (model and scorer hashes recorded in metadata, learner schema, scorer = compiled model).
 */
export function verifyVersionDir(dir: string): DirVerification {
  const problems: string[] = [];
  const m = readManifest(dir);
  if ('problem' in m) return { verified: false, problems: [m.problem], model_sha256: null, files: [] };
  const manifest = m.entries;
  const listed = new Set(manifest.map((e) => e.path));
  for (const e of manifest) {
    const r = readRegularFile(join(dir, e.path), REGISTRY_LIMITS.fileBytes);
    if (!r.ok) problems.push(`${e.path}: ${r.detail}`);
    else if (sha256(r.bytes) !== e.sha256) problems.push(`${e.path}: sha256 mismatch`);
  }
  let present: string[] = [];
  try {
    present = listFiles(dir);
  } catch (err) {
    problems.push((err as Error).message.split('\n')[0]);
  }
  for (const p of present)
    if (p !== MANIFEST_FILE && p !== SIGNATURE_FILE && !listed.has(p)) problems.push(`${p}: not in manifest`);
  const sig = verifySignature(dir);
  if (sig) problems.push(sig);
  const v = readRegularFile(join(dir, VERSION_FILE), 256);
  if (!v.ok) problems.push(`${VERSION_FILE}: ${v.detail}`);
  else if (v.bytes.toString('utf8').trim() !== basename(dir))
    problems.push(
      `${VERSION_FILE}: says ${v.bytes.toString('utf8').trim().slice(0, 60)}, directory is ${basename(dir)}`,
    );
  const bundle = checkModelBundle(dir);
  let modelSha: string | null = null;
  if (bundle.ok) modelSha = bundle.bundle.modelSha256;
  else for (const p of bundle.problems) problems.push(`${p.path}: ${p.message}`);
  return { verified: problems.length === 0, problems, model_sha256: modelSha, files: manifest };
}
