import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { sha256Path } from './hashing.js';
import { pinnedVersions } from './versions.js';

/** The provenance block every stage writes into its metadata.json. */
export interface StageProvenance {
  stage: string;
  config_hash: string;
  /** Only versions pinned by package-lock.json: the same on every machine that reproduces dvc.lock. */
  versions: Record<string, string | null>;
  inputs: Record<string, string>;
  outputs: Record<string, string>;
}

function hashes(paths: string[], root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of [...paths].sort()) if (existsSync(p)) out[relative(root, p) || p] = sha256Path(p);
  return out;
}

/**
 * Builds the provenance block: config hash, the lockfile-pinned tool versions, and the sha256 of every
 * input and output path (directories hash their sorted file list). Nothing that depends on the clock,
 * the git commit or the machine (Node.js and dvc versions): those go to the run log, so DVC-tracked bytes
 * are the same for the same params, data and lockfile, and a fresh clone reproduces the committed dvc.lock.
 */
export function stageProvenance(args: {
  stage: string;
  configHash: string;
  inputs: string[];
  outputs: string[];
  root?: string;
}): StageProvenance {
  const root = args.root ?? process.cwd();
  return {
    stage: args.stage,
    config_hash: args.configHash,
    versions: pinnedVersions(),
    inputs: hashes(args.inputs, root),
    outputs: hashes(args.outputs, root),
  };
}
