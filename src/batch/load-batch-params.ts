import { batchSchema, type BatchParams, loadParams, mergeOverrides } from '../config/index.js';
import type { StageContext } from '../stages/index.js';

/** The batch section of params (its defaults when params.yaml has none). */
export function batchParams(ctx: StageContext): BatchParams {
  return ctx.params.batch ?? batchSchema.parse({});
}

/**
 * Loads params for a batch: `overrides` (the command's flags) merged in, then `batch.forecast_horizon`,
 * when set, becomes the label horizon (`teacher.horizon`, and the embargo when that follows it), so the
 * windows are labelled, embargoed and skipped on one horizon and the config_hash says which.
 */
export function loadBatchContext(
  file: string,
  overrides?: unknown,
  sources?: Parameters<typeof loadParams>[2],
): StageContext {
  const first = loadParams(file, overrides, sources);
  const fh = first.params.batch?.forecast_horizon;
  if (fh === null || fh === undefined || fh === first.params.teacher.horizon)
    return { ...first, root: process.cwd() };
  const again = loadParams(file, mergeOverrides(overrides ?? {}, { teacher: { horizon: fh } }), sources);
  return { ...again, root: process.cwd() };
}
