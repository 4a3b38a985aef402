import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ArtifactError } from '../core/index.js';
import { sha256File } from '../pipeline/index.js';
import { MANIFEST_FILE, METADATA_FILE, MODEL_FILE, VERSION_FILE } from './layout.js';
import type { FileChecksum } from './types.js';

/** Regular files under `dir`, relative with '/' separators, sorted; symlinks and specials are refused. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
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
    .filter((p) => p !== MANIFEST_FILE)
    .map((p) => ({ path: p, sha256: sha256File(join(dir, p)) }));
}

/** Renders a manifest in `sha256sum -c` format. */
export function formatManifest(entries: FileChecksum[]): string {
  return entries.map((e) => `${e.sha256}  ${e.path}\n`).join('');
}

/** Parses `sha256sum` lines; returns null when any line is malformed. */
export function parseManifest(text: string): FileChecksum[] | null {
  const out: FileChecksum[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!m) return null;
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

/** Verifies a version dir: manifest present and exact, model matches metadata, model_version.txt names the dir. */
export function verifyVersionDir(dir: string): DirVerification {
  const problems: string[] = [];
  let modelSha: string | null = null;
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath))
    return { verified: false, problems: [`${MANIFEST_FILE} missing`], model_sha256: null, files: [] };
  const manifest = parseManifest(readFileSync(manifestPath, 'utf8'));
  if (!manifest)
    return { verified: false, problems: [`${MANIFEST_FILE} malformed`], model_sha256: null, files: [] };
  const listed = new Set(manifest.map((e) => e.path));
  for (const e of manifest) {
    const p = join(dir, e.path);
    if (!existsSync(p)) problems.push(`${e.path}: missing`);
    else if (sha256File(p) !== e.sha256) problems.push(`${e.path}: sha256 mismatch`);
  }
  let present: string[] = [];
  try {
    present = listFiles(dir);
  } catch (err) {
    problems.push((err as Error).message.split('\n')[0]);
  }
  for (const p of present) if (p !== MANIFEST_FILE && !listed.has(p)) problems.push(`${p}: not in manifest`);
  try {
    const meta = JSON.parse(readFileSync(join(dir, METADATA_FILE), 'utf8')) as { model_sha256?: unknown };
    modelSha = typeof meta.model_sha256 === 'string' ? meta.model_sha256 : null;
    const modelPath = join(dir, MODEL_FILE);
    if (!existsSync(modelPath) || sha256File(modelPath) !== modelSha) {
      problems.push(`${MODEL_FILE}: does not match metadata.model_sha256`);
    }
  } catch {
    problems.push(`${METADATA_FILE}: missing or not JSON`);
  }
  try {
    const v = readFileSync(join(dir, VERSION_FILE), 'utf8').trim();
    if (v !== basename(dir)) problems.push(`${VERSION_FILE}: says ${v}, directory is ${basename(dir)}`);
  } catch {
    problems.push(`${VERSION_FILE}: missing`);
  }
  return { verified: problems.length === 0, problems, model_sha256: modelSha, files: manifest };
}
