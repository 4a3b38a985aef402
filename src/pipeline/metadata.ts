import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { sha256Path } from './hashing.js';
import { gitCommit, toolVersions } from './versions.js';

/** The provenance block every stage writes into its metadata.json. */
export interface StageProvenance {
  stage: string;
  config_hash: string;
  git_commit: string | null;
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
 * Builds the provenance block: config hash, git commit, tool versions, and the sha256 of every input
 * and output path (directories hash their sorted file list). No wall-clock time: artifacts stay
 * byte-identical across runs with the same params and data.
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
    git_commit: gitCommit(root),
    versions: toolVersions(root),
    inputs: hashes(args.inputs, root),
    outputs: hashes(args.outputs, root),
  };
}
