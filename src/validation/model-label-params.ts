import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Params } from '../config/index.js';
import { READ_LIMITS, readJsonBounded, TEACHER_FILES } from '../pipeline/index.js';
import type { StudentDir } from '../training/index.js';

/** Label definition the candidate was trained with, and where it was read from. */
export interface LabelParams {
  horizon: number;
  minHoldingReturn: number;
  source: string;
}

interface LabelMetadata {
  labels?: { horizon?: number; min_holding_return?: number };
  label_horizon?: number;
  teacher?: { dir?: string };
}

function teacherLabelParams(dir: string | undefined): { horizon?: number; min_holding_return?: number } {
  if (!dir) return {};
  const path = join(dir, TEACHER_FILES.metadata);
  if (!existsSync(path)) return {};
  try {
    const meta = readJsonBounded(path, { maxBytes: READ_LIMITS.metadata, what: 'teacher metadata' });
    return (meta as { teacher_params?: object } | null)?.teacher_params ?? {};
  } catch {
    return {};
  }
}

/**
 * The label definition recorded in the model (student metadata `labels`, else its teacher's metadata),
 * so a model is scored against the labels it was trained on; params.yaml is only the last resort.
 */
export function modelLabelParams(
  candidate: StudentDir,
  params: Params,
): { labels: LabelParams; notes: string[] } {
  const meta = candidate.metadata as LabelMetadata;
  const teacher = meta.labels ? {} : teacherLabelParams(meta.teacher?.dir);
  const horizon = meta.labels?.horizon ?? meta.label_horizon ?? teacher.horizon;
  const mhr = meta.labels?.min_holding_return ?? teacher.min_holding_return;
  const source = meta.labels ? 'model metadata' : mhr !== undefined ? 'teacher metadata' : 'params.yaml';
  const labels: LabelParams = {
    horizon: horizon ?? params.teacher.horizon,
    minHoldingReturn: mhr ?? params.teacher.min_holding_return,
    source,
  };
  const notes: string[] = [];
  if (labels.horizon !== params.teacher.horizon) {
    notes.push(
      `teacher.horizon is ${params.teacher.horizon} in params.yaml but the model was trained with ${labels.horizon}: validated with ${labels.horizon}`,
    );
  }
  if (labels.minHoldingReturn !== params.teacher.min_holding_return) {
    notes.push(
      `teacher.min_holding_return is ${params.teacher.min_holding_return} in params.yaml but the model was trained with ${labels.minHoldingReturn}: validated with ${labels.minHoldingReturn}`,
    );
  }
  return { labels, notes };
}
