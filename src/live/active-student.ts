import { existsSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Issue } from '../core/index.js';
import { CLASSES } from '../labels/index.js';
import { REGISTRY_FILES } from '../pipeline/index.js';
import {
  checkModelBundle,
  type ModelBundle,
  readProductionVersion,
  readRegularFile,
  verifyVersionDir,
  versionDir,
} from '../registry/index.js';
import { readValidationBaseline } from './validation-baseline.js';
import type { ValidationBaseline } from './student-monitor.js';

/** Which student the engine serves: an explicit directory, a pinned registry version, or production. */
export interface ModelSelection {
  /** SENSEQUANT_STUDENT_MODEL_PATH. */
  path?: string;
  /** SENSEQUANT_STUDENT_MODEL_VERSION. */
  version?: string;
  /** Registry root (default data/models). */
  root: string;
  /** Label horizon and min holding return when the model's metadata lacks them (params.yaml). */
  fallbackLabels: { horizon: number; minHoldingReturn: number };
}

/** Where the served model came from. */
export type ModelSource = 'registry:production' | 'registry:archive' | 'path';

/** A verified, loaded student and what the engine needs around it. */
export interface ActiveStudent {
  version: string;
  source: ModelSource;
  /** The directory loaded (a production link resolved to its archive version). */
  dir: string;
  bundle: ModelBundle;
  /** Label definition the model learnt (metadata `labels`): the monitoring horizon and outcome labels. */
  horizon: number;
  minHoldingReturn: number;
  labelsFrom: 'model metadata' | 'params.yaml';
  /** Its validation metrics (null when the directory holds no validation for this model). */
  baseline: ValidationBaseline | null;
  /** Non-fatal findings (e.g. a checklist for another model), for the start-up log. */
  notes: string[];
}

/** Outcome of loading: the student, or why the engine falls back to the baseline strategy. */
export type StudentLoad = { ok: true; student: ActiveStudent } | { ok: false; issues: Issue[] };

const fail = (issues: Issue[]): StudentLoad => ({ ok: false, issues });

function inside(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent + sep);
}

/** The directory to load and its source, or the issue that prevents it. */
function locate(sel: ModelSelection): { dir: string; source: ModelSource; version?: string } | Issue {
  if (sel.path !== undefined) {
    if (!existsSync(sel.path)) {
      return {
        path: 'SENSEQUANT_STUDENT_MODEL_PATH',
        value: sel.path,
        message: 'does not exist',
        fix: 'point it at a student directory (student_model.json, scorer.json, metadata.json) or unset it to serve the registry production model',
      };
    }
    const dir = realpathSync(sel.path);
    const archive = existsSync(join(sel.root, REGISTRY_FILES.archive))
      ? realpathSync(join(sel.root, REGISTRY_FILES.archive))
      : null;
    const production = existsSync(join(sel.root, REGISTRY_FILES.production))
      ? realpathSync(join(sel.root, REGISTRY_FILES.production))
      : null;
    if (archive !== null && inside(dir, archive) && dir !== archive) {
      return { dir, source: dir === production ? 'registry:production' : 'registry:archive' };
    }
    return { dir, source: 'path' };
  }
  if (sel.version !== undefined) {
    const dir = versionDir(sel.root, sel.version);
    if (!existsSync(dir)) {
      return {
        path: 'SENSEQUANT_STUDENT_MODEL_VERSION',
        value: sel.version,
        message: `not in the registry archive (${join(sel.root, REGISTRY_FILES.archive)})`,
        fix: 'pick a version listed by `registry status`, or unset it to serve production',
      };
    }
    return { dir, source: 'registry:archive', version: sel.version };
  }
  let version: string | null;
  try {
    version = readProductionVersion(sel.root);
  } catch (err) {
    return {
      path: join(sel.root, REGISTRY_FILES.production),
      message: (err as Error).message.split('\n')[0],
    };
  }
  if (version === null) {
    return {
      path: join(sel.root, REGISTRY_FILES.production),
      message: 'no production model in the registry',
      fix: 'promote a validated student (promote DIR) or set SENSEQUANT_STUDENT_MODEL_PATH',
    };
  }
  // Resolve the link once, so a concurrent switch cannot mix two versions' files.
  return { dir: versionDir(sel.root, version), source: 'registry:production', version };
}

/**
 * Loads the student the settings select through the registry's verified loader (metadata schema, model
 * and scorer sha256, learner schema, compiled scorer equal to the model's export; plus the version's
 * manifest for registry versions). Never throws for a bad model: the issues say why the engine falls back.
 */
export function loadActiveStudent(sel: ModelSelection): StudentLoad {
  const where = locate(sel);
  if ('path' in where) return fail([where]);
  const registry = where.source !== 'path';
  if (registry) {
    const v = verifyVersionDir(where.dir);
    if (!v.verified)
      return fail(v.problems.map((p) => ({ path: where.dir, message: p, fix: 'registry status; rollback' })));
  }
  const check = checkModelBundle(where.dir);
  if (!check.ok) return fail(check.problems);
  const bundle = check.bundle;
  if (
    bundle.scorer.classes.length !== CLASSES.length ||
    bundle.scorer.classes.some((c, i) => c !== CLASSES[i])
  ) {
    return fail([
      {
        path: join(where.dir, 'scorer.json:classes'),
        value: bundle.scorer.classes,
        message: `the engine serves ${CLASSES.join(', ')} students`,
        fix: 're-run train-student',
      },
    ]);
  }
  const versionFile = readRegularFile(join(where.dir, REGISTRY_FILES.version), 256);
  const version =
    (sel.path !== undefined ? sel.version : undefined) ??
    where.version ??
    (versionFile.ok
      ? versionFile.bytes.toString('utf8').trim()
      : `student:${bundle.modelSha256.slice(0, 12)}`);
  const meta = bundle.metadata as {
    labels?: { horizon?: number; min_holding_return?: number };
    label_horizon?: number;
  };
  const horizon = meta.labels?.horizon ?? meta.label_horizon;
  const mhr = meta.labels?.min_holding_return;
  const notes: string[] = [];
  const validation = readValidationBaseline(where.dir, bundle.modelSha256);
  if (validation.note) notes.push(validation.note);
  return {
    ok: true,
    student: {
      version,
      source: where.source,
      dir: where.dir,
      bundle,
      horizon: horizon ?? sel.fallbackLabels.horizon,
      minHoldingReturn: mhr ?? sel.fallbackLabels.minHoldingReturn,
      labelsFrom: horizon !== undefined && mhr !== undefined ? 'model metadata' : 'params.yaml',
      baseline: validation.baseline,
      notes,
    },
  };
}
