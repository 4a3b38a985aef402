import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../pipeline/index.js';
import { readJsonFile, readRegularFile, REGISTRY_LIMITS } from './bounded-read.js';
import {
  candidateMetadataSchema,
  promotionChecklistSchema,
  teacherLinkSchema,
  zodIssueText,
} from './candidate-schema.js';
import { CHECKLIST_FILE, METADATA_FILE, MODEL_FILE, SCORER_FILE } from './layout.js';
import { checkModelBundle } from './model-bundle.js';
import type { CheckResult, ValidationReport } from './types.js';

/**
 * Checks `--force` cannot override: without them the engine could not verify or load the model (files
 * present, hashes as recorded at training time, model and scorer load, scorer = the model's export).
 */
export const INTEGRITY_CHECKS: readonly string[] = [
  'candidate-dir',
  'model-file',
  'metadata-file',
  'model-sha256',
  'scorer-sha256',
  'model-loads',
];

/** Options of validatePromotion. */
export interface ValidatePromotionOptions {
  /** Also require metadata.teacher.dir to exist as a directory (resolved from the working directory). */
  checkTeacherDir?: boolean;
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

function fileSha(path: string): { sha: string | null; detail: string } {
  const r = readRegularFile(path, REGISTRY_LIMITS.modelBytes);
  return r.ok ? { sha: sha256(r.bytes), detail: 'present' } : { sha: null, detail: r.detail };
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

  const model = fileSha(join(candidateDir, MODEL_FILE));
  add('model-file', model.sha !== null, model.sha ? `${MODEL_FILE} present` : model.detail);

  const meta = readJsonFile(join(candidateDir, METADATA_FILE));
  add('metadata-file', meta.ok, meta.ok ? `${METADATA_FILE} present` : meta.detail);
  const metaValue = meta.ok ? meta.value : undefined;
  const parsed = candidateMetadataSchema.safeParse(metaValue);
  add('metadata-schema', parsed.success, parsed.success ? 'ok' : zodIssueText(parsed.error));

  const declared = field(metaValue, 'model_sha256');
  const shaOk = model.sha !== null && model.sha === declared;
  add(
    'model-sha256',
    shaOk,
    shaOk
      ? `${model.sha}`
      : `metadata.model_sha256=${String(declared).slice(0, 64)} but ${MODEL_FILE} hashes to ${model.sha ?? '(unreadable)'}`,
  );
  const scorer = fileSha(join(candidateDir, SCORER_FILE));
  const scorerDeclared = field(metaValue, 'scorer_sha256');
  const scorerOk = scorer.sha !== null && scorer.sha === scorerDeclared;
  add(
    'scorer-sha256',
    scorerOk,
    scorerOk
      ? `${scorer.sha}`
      : `metadata.scorer_sha256=${String(scorerDeclared).slice(0, 64)} but ${SCORER_FILE} ${scorer.sha ? `hashes to ${scorer.sha}` : scorer.detail}`,
  );
  const bundle = isDir ? checkModelBundle(candidateDir) : null;
  add(
    'model-loads',
    bundle?.ok === true,
    bundle === null
      ? 'no candidate dir'
      : bundle.ok
        ? `${bundle.bundle.saved.className}: ${bundle.bundle.scorer.numFeatures} features, ${bundle.bundle.scorer.numClasses} classes, scorer = compiled model`
        : bundle.problems.map((p) => `${p.path}: ${p.message}`).join('; '),
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
    hashOk
      ? configHash
      : `metadata.config_hash must be 8 hex chars, got ${JSON.stringify(configHash)?.slice(0, 40)}`,
  );

  const checklist = readJsonFile(join(candidateDir, CHECKLIST_FILE));
  const cl = promotionChecklistSchema.safeParse(checklist.ok ? checklist.value : undefined);
  const clOk = checklist.ok && cl.success;
  add('checklist-file', clOk, !checklist.ok ? checklist.detail : cl.success ? 'ok' : zodIssueText(cl.error));
  const promoteOk = cl.success && cl.data.recommendation === 'PROMOTE';
  add(
    'checklist-recommendation',
    promoteOk,
    cl.success
      ? `${cl.data.recommendation}: ${cl.data.reason.slice(0, 200)}`
      : 'no valid promotion checklist',
  );
  for (const c of bindingChecks(cl.success ? cl.data : null, metaValue)) add(c.name, c.pass, c.detail);
  return { canPromote: checks.every((c) => c.pass), checks };
}

/**
 * A checklist counts only for the model it was written for: its model sha256, the model's config hash
 * and an out-of-sample validation window (starting on or after the model's test period).
 */
function bindingChecks(cl: Record<string, unknown> | null, meta: unknown): CheckResult[] {
  if (cl === null) {
    const na = 'n/a (no valid checklist)';
    return ['checklist-matches-model', 'checklist-config-hash', 'checklist-window'].map((name) => ({
      name,
      pass: false,
      detail: na,
    }));
  }
  const modelSha = field(meta, 'model_sha256');
  const clSha = cl.candidate_model_sha256;
  const shaPass = typeof clSha === 'string' && clSha === modelSha;
  const cfg = field(meta, 'config_hash');
  const clCfg = cl.candidate_config_hash ?? cl.config_hash;
  const cfgPass = typeof clCfg === 'string' && clCfg === cfg;
  const period = field(cl, 'validation_period');
  const start = field(period, 'start');
  const testStart = field(field(meta, 'data'), 'test_start');
  const startDate = typeof start === 'string' && /^\d{4}-\d{2}-\d{2}/.test(start) ? start.slice(0, 10) : null;
  const testDate = typeof testStart === 'string' ? testStart.slice(0, 10) : null;
  // test_start is stored as an ISO instant; the checklist as an exchange-local date, which can be the
  // next calendar day of the UTC instant, never an earlier one.
  const windowPass = startDate !== null && (testDate === null || startDate >= testDate);
  return [
    {
      name: 'checklist-matches-model',
      pass: shaPass,
      detail: shaPass
        ? 'ok'
        : typeof clSha !== 'string'
          ? 'checklist names no candidate_model_sha256: it is not bound to any model'
          : `checklist is for model ${clSha.slice(0, 12)}…, candidate is ${String(modelSha).slice(0, 12)}…`,
    },
    {
      name: 'checklist-config-hash',
      pass: cfgPass,
      detail: cfgPass
        ? String(cfg)
        : `checklist config hash ${JSON.stringify(clCfg)?.slice(0, 20)} ≠ candidate's ${JSON.stringify(cfg)?.slice(0, 20)}`,
    },
    {
      name: 'checklist-window',
      pass: windowPass,
      detail: windowPass
        ? `validated from ${startDate}${testDate ? ` (test period from ${testDate})` : ''}`
        : startDate === null
          ? 'checklist has no validation_period.start'
          : `validation starts ${startDate}, before the model's out-of-sample period (${testDate})`,
    },
  ];
}
