import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sha256File } from '../pipeline/index.js';
import {
  candidateMetadataSchema,
  promotionChecklistSchema,
  teacherLinkSchema,
  zodIssueText,
} from './candidate-schema.js';
import { CHECKLIST_FILE, METADATA_FILE, MODEL_FILE } from './layout.js';
import type { CheckResult, ValidationReport } from './types.js';

/** Checks that `force` cannot override: without them the model could not be verified on load. */
export const INTEGRITY_CHECKS: readonly string[] = [
  'candidate-dir',
  'model-file',
  'metadata-file',
  'model-sha256',
];

/** Options of validatePromotion. */
export interface ValidatePromotionOptions {
  /** Also require metadata.teacher.dir to exist as a directory (resolved from the working directory). */
  checkTeacherDir?: boolean;
}

type Read = { ok: true; value: unknown } | { ok: false; detail: string };

function readJson(path: string): Read {
  if (!existsSync(path)) return { ok: false, detail: `${path} does not exist` };
  try {
    return { ok: true, value: JSON.parse(readFileSync(path, 'utf8')) };
  } catch (err) {
    return { ok: false, detail: `${path} is not valid JSON: ${(err as Error).message}` };
  }
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/** Runs every promotion check on a candidate dir; never throws for a bad candidate. */
export function validatePromotion(
  candidateDir: string,
  opts: ValidatePromotionOptions = {},
): ValidationReport {
  const checks: CheckResult[] = [];
  const add = (name: string, pass: boolean, detail: string): void => {
    checks.push({ name, pass, detail });
  };
  const isDir = existsSync(candidateDir) && statSync(candidateDir).isDirectory();
  add('candidate-dir', isDir, isDir ? candidateDir : `${candidateDir} is not a directory`);

  const modelPath = join(candidateDir, MODEL_FILE);
  const model = readJson(modelPath);
  add('model-file', model.ok, model.ok ? `${MODEL_FILE} present` : model.detail);

  const meta = readJson(join(candidateDir, METADATA_FILE));
  add('metadata-file', meta.ok, meta.ok ? `${METADATA_FILE} present` : meta.detail);
  const metaValue = meta.ok ? meta.value : undefined;
  const parsed = candidateMetadataSchema.safeParse(metaValue);
  add('metadata-schema', parsed.success, parsed.success ? 'ok' : zodIssueText(parsed.error));

  const declared = field(metaValue, 'model_sha256');
  const actual = model.ok ? sha256File(modelPath) : null;
  const shaOk = actual !== null && actual === declared;
  add(
    'model-sha256',
    shaOk,
    shaOk
      ? `${actual}`
      : `metadata.model_sha256=${String(declared)} but ${MODEL_FILE} hashes to ${actual ?? '(missing)'}`,
  );

  const teacher = teacherLinkSchema.safeParse(field(metaValue, 'teacher'));
  let teacherOk = teacher.success;
  let teacherDetail = teacher.success
    ? `teacher ${teacher.data.dir}`
    : `metadata.teacher: ${zodIssueText(teacher.error)}`;
  if (teacher.success && opts.checkTeacherDir) {
    teacherOk = existsSync(teacher.data.dir) && statSync(teacher.data.dir).isDirectory();
    if (!teacherOk) teacherDetail = `teacher dir ${teacher.data.dir} does not exist`;
  }
  add('teacher-link', teacherOk, teacherDetail);

  const configHash = field(metaValue, 'config_hash');
  const hashOk = typeof configHash === 'string' && /^[0-9a-f]{8}$/.test(configHash);
  add(
    'config-hash',
    hashOk,
    hashOk ? configHash : `metadata.config_hash must be 8 hex chars, got ${JSON.stringify(configHash)}`,
  );

  const checklist = readJson(join(candidateDir, CHECKLIST_FILE));
  const cl = promotionChecklistSchema.safeParse(checklist.ok ? checklist.value : undefined);
  const clOk = checklist.ok && cl.success;
  add('checklist-file', clOk, !checklist.ok ? checklist.detail : cl.success ? 'ok' : zodIssueText(cl.error));
  const promoteOk = cl.success && cl.data.recommendation === 'PROMOTE';
  add(
    'checklist-recommendation',
    promoteOk,
    cl.success ? `${cl.data.recommendation}: ${cl.data.reason}` : 'no valid promotion checklist',
  );

  // A checklist written for another model must not promote this one.
  const clSha = cl.success ? (cl.data as Record<string, unknown>).candidate_model_sha256 : undefined;
  const modelSha = field(metaValue, 'model_sha256');
  const matches = clSha === undefined || clSha === modelSha;
  add(
    'checklist-matches-model',
    matches,
    !cl.success
      ? 'n/a (no valid checklist)'
      : matches
        ? 'ok'
        : `checklist is for model ${String(clSha).slice(0, 12)}…, candidate is ${String(modelSha).slice(0, 12)}…`,
  );

  return { canPromote: checks.every((c) => c.pass), checks };
}
