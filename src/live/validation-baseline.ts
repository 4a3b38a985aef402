import { join } from 'node:path';
import { STUDENT_FILES, VALIDATION_FILES } from '../pipeline/index.js';
import { readJsonFile } from '../registry/index.js';
import type { ValidationBaseline } from './student-monitor.js';

type Json = Record<string, unknown> | undefined;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const obj = (v: unknown): Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

function read(path: string): Json {
  const r = readJsonFile(path);
  return r.ok ? obj(r.value) : undefined;
}

/**
 * The validation metrics of the model in `dir` that live monitoring compares against: the promotion
 * checklist's `candidate_metrics` (precision_long, hit_ratio) when the checklist is bound to this model
 * (candidate_model_sha256), else validation_results.json's candidate summary when validation_metadata.json
 * names this model. A validation of another model is ignored with a note.
 */
export function readValidationBaseline(
  dir: string,
  modelSha256: string,
): { baseline: ValidationBaseline | null; note?: string } {
  const checklistPath = join(dir, VALIDATION_FILES.checklistJson);
  const checklist = read(checklistPath);
  let note: string | undefined;
  if (checklist) {
    const metrics = obj(checklist.candidate_metrics);
    if (checklist.candidate_model_sha256 !== modelSha256) {
      note = `${checklistPath} validates another model (candidate_model_sha256 differs): not used as the monitoring baseline`;
    } else if (metrics) {
      return {
        baseline: {
          precision: num(metrics.precision_long),
          hitRatio: num(metrics.hit_ratio),
          source: checklistPath,
        },
      };
    }
  }
  const resultsPath = join(dir, VALIDATION_FILES.results);
  const results = read(resultsPath);
  const meta = read(join(dir, STUDENT_FILES.validationMetadata));
  const summary = obj(obj(results?.candidate)?.summary);
  if (summary && obj(meta?.candidate)?.model_sha256 === modelSha256) {
    return {
      baseline: {
        precision: num(summary.precision_long),
        hitRatio: num(summary.hit_ratio),
        source: resultsPath,
      },
    };
  }
  return {
    baseline: null,
    note:
      note ?? `no validation of this model in ${dir}: monitoring records outcomes but cannot compare them`,
  };
}
