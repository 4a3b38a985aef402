import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportScorer, type SavedModel, studentOptionsSchema } from '../../src/models/index.js';
import { stableStringify } from '../../src/pipeline/index.js';

/** Fresh temp dir for one test. */
export function tempDir(prefix = 'sq-registry-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function sha(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface CandidateSpec {
  /** Distinguishes model contents. */
  seed?: number;
  recommendation?: 'PROMOTE' | 'REJECT';
  withChecklist?: boolean;
  /** Edits metadata after it is built (e.g. delete the teacher link). */
  editMeta?: (meta: Record<string, unknown>) => void;
  /** Edits the checklist after it is built (it is bound to the model by default). */
  editChecklist?: (checklist: Record<string, unknown>) => void;
  extraFiles?: Record<string, string>;
}

export const FEATURES = ['f0', 'f1', 'f2'];
export const CLASSES = ['LONG', 'SHORT', 'NOOP'];

/** A real (loadable) logistic student: 3 features → 3 classes, weights derived from `seed`. */
export function studentJson(seed: number): Record<string, unknown> {
  const w = Array.from({ length: 9 }, (_, i) => Math.round(Math.sin(seed * 7 + i) * 1000) / 1000);
  return {
    className: 'LogisticStudent',
    config: { options: studentOptionsSchema.parse({}), featureNames: FEATURES, classes: CLASSES },
    weights: {
      normaliser: { mean: [0, 0.5, -0.5], std: [1, 2, 0.5] },
      layers: [{ inDim: 3, outDim: 3, activation: 'linear', weights: w, bias: [0.1, -0.1, 0] }],
      calibrationTemperature: 1.25,
    },
  };
}

/** Writes a student candidate dir obeying the contract (unless spec says otherwise). */
export function makeCandidate(parent: string, name: string, spec: CandidateSpec = {}): string {
  const dir = join(parent, name);
  mkdirSync(dir, { recursive: true });
  const saved = studentJson(spec.seed ?? 1);
  const model = `${stableStringify(saved)}\n`;
  const scorer = `${stableStringify(exportScorer(saved as unknown as SavedModel))}\n`;
  writeFileSync(join(dir, 'student_model.json'), model);
  writeFileSync(join(dir, 'scorer.json'), scorer);
  const meta: Record<string, unknown> = {
    model_sha256: sha(model),
    scorer_sha256: sha(scorer),
    config_hash: 'ab12cd34',
    teacher: { dir: 'data/teacher/run1', model_sha256: 'f'.repeat(64) },
    model_type: 'logistic',
    feature_names: FEATURES,
    classes: CLASSES,
    data: { test_start: '2024-06-06T18:30:00.000Z' },
    extra_field: { kept: true },
  };
  spec.editMeta?.(meta);
  writeFileSync(join(dir, 'metadata.json'), JSON.stringify(meta, null, 2));
  if (spec.withChecklist !== false) {
    const checklist: Record<string, unknown> = {
      recommendation: spec.recommendation ?? 'PROMOTE',
      reason: 'metrics within bounds',
      candidate_model_sha256: sha(model),
      candidate_config_hash: 'ab12cd34',
      validation_period: { start: '2024-06-07', end: '2024-12-24' },
    };
    spec.editChecklist?.(checklist);
    writeFileSync(join(dir, 'promotion_checklist.json'), JSON.stringify(checklist));
  }
  writeFileSync(join(dir, 'evaluation_metrics.json'), JSON.stringify({ auc: 0.6 + (spec.seed ?? 1) / 100 }));
  for (const [rel, text] of Object.entries(spec.extraFiles ?? {})) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

/** Every path under `root` with type, mtime, size and content hash or link target: detects any touch. */
export function treeSnapshot(root: string, opts: { ignoreRootMtime?: boolean } = {}): string {
  const lines: string[] = [];
  const walk = (rel: string): void => {
    const p = join(root, rel);
    const st = lstatSync(p);
    if (st.isSymbolicLink()) lines.push(`L ${rel} -> ${readlinkSync(p)} ${st.mtimeMs}`);
    else if (st.isDirectory()) {
      // A real (refused) operation creates and removes its lock file, which bumps the root's mtime.
      lines.push(`D ${rel} ${rel === '' && opts.ignoreRootMtime ? '' : st.mtimeMs}`);
      for (const n of readdirSync(p).sort()) walk(rel ? `${rel}/${n}` : n);
    } else lines.push(`F ${rel} ${st.size} ${st.mtimeMs} ${sha(readFileSync(p))}`);
  };
  walk('');
  return lines.join('\n');
}

/** sha of one directory's files (content only). */
export function dirHash(dir: string): string {
  const lines: string[] = [];
  const walk = (rel: string): void => {
    for (const n of readdirSync(join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${n}` : n;
      if (lstatSync(join(dir, r)).isDirectory()) walk(r);
      else lines.push(`${r} ${sha(readFileSync(join(dir, r)))}`);
    }
  };
  walk('');
  return sha(lines.join('\n'));
}

/** A pid that certainly belonged to a process that has exited. */
export function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid as number;
}

/** Writes a lock file as a process that died while holding it would have left it. */
export function writeStaleLock(root: string): number {
  const pid = deadPid();
  writeFileSync(
    join(root, '.registry.lock'),
    JSON.stringify({
      pid,
      host: hostname(),
      time: new Date().toISOString(),
      action: 'promote x',
      token: 'dead',
    }),
  );
  return pid;
}

/** Parsed lines of audit.jsonl. */
export function auditLines(root: string): Array<Record<string, unknown>> {
  return readFileSync(join(root, 'audit.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
