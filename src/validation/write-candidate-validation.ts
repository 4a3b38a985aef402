import { join, resolve } from 'node:path';
import { type Params, settings } from '../config/index.js';
import {
  artifactTimestamp,
  PATHS,
  STUDENT_FILES,
  stageProvenance,
  VALIDATION_FILES,
  writeJsonAtomic,
} from '../pipeline/index.js';
import type { CandidateValidation } from './validate-candidate.js';
import { writeValidationArtifacts } from './write-validation.js';

const RULE_LABELS: Record<CandidateValidation['baselineKind'], string> = {
  sma: 'rule: SMA(20)/SMA(50) crossover',
  buy_and_hold: 'rule: buy and hold (long every symbol)',
  model: 'model',
};

/** Recommendation of a written validation and where it went. */
export interface ValidationSummary {
  recommendation: 'PROMOTE' | 'REJECT';
  reason: string;
  outDir: string;
  files: string[];
}

/**
 * Persists a validation: results, accuracy, comparison, checklist, telemetry and its provenance. Inside a
 * student dir (`train-student --validate`) the provenance and headline files get their own names so they
 * never clobber the student's metadata.json and metrics.json.
 */
export function writeValidation(
  outDir: string,
  v: CandidateValidation,
  params: Params,
  configHash: string,
): ValidationSummary {
  const studentDir = v.candidate.dir;
  const inStudentDir = resolve(outDir) === resolve(studentDir);
  const res = writeValidationArtifacts(outDir, v.outcome, params.validation.thresholds, {
    timestamp: artifactTimestamp(Date.parse(v.outcome.window.end), settings().sourceDateEpochMs),
    candidateDir: studentDir,
    candidateModel: join(studentDir, STUDENT_FILES.model),
    candidateSha256: v.candidate.metadata.model_sha256,
    candidateConfigHash: v.candidate.metadata.config_hash,
    baselineModel: v.baseline ? join(v.baseline.dir, STUDENT_FILES.model) : RULE_LABELS[v.baselineKind],
    configHash,
    registryRoot: PATHS.models,
    tz: params.base.exchange_tz,
    costs: v.costs,
    forwardReturns: v.forwardReturns,
    ic: v.ic,
    headlineFile: inStudentDir ? STUDENT_FILES.validationHeadline : VALIDATION_FILES.headline,
    notes: v.notes,
    warnings: v.warnings,
  });
  const metaName = inStudentDir ? STUDENT_FILES.validationMetadata : VALIDATION_FILES.metadata;
  writeJsonAtomic(join(outDir, metaName), {
    stage: 'validate',
    recommendation: res.recommendation,
    candidate: { dir: studentDir, model_sha256: v.candidate.metadata.model_sha256 },
    baseline: v.baseline
      ? { dir: v.baseline.dir, model_sha256: v.baseline.metadata.model_sha256 }
      : v.outcome.baseline.policy.version,
    labels: {
      horizon: v.labels.horizon,
      min_holding_return: v.labels.minHoldingReturn,
      source: v.labels.source,
    },
    params_mismatch: v.notes,
    provenance: stageProvenance({
      stage: 'validate',
      configHash,
      inputs: [join(studentDir, STUDENT_FILES.model), join(studentDir, STUDENT_FILES.scorer)],
      outputs: res.files,
    }),
  });
  return { recommendation: res.recommendation, reason: res.reason, outDir, files: res.files };
}
