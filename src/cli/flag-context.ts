import { loadParams, mergeOverrides, settings } from '../config/index.js';
import type { StageContext } from '../stages/index.js';
import { flagOverrides } from './flag-overrides.js';
import type { FlagTable } from './flag-spec.js';

/**
 * The stage context of a command: `--params` (default params.yaml) with the SENSEQUANT_PROMOTION_*
 * thresholds and then the flags that override keys merged in; an invalid flag value is reported against the flag (`--model-type`), not a params.yaml line.
 */
export function flagContext(table: FlagTable, values: Record<string, unknown>): StageContext {
  const { overrides, sources } = flagOverrides(table, values);
  const file = (values.params as string | undefined) ?? 'params.yaml';
  // SENSEQUANT_PROMOTION_* thresholds apply to commands (never to DVC stages, whose params DVC tracks);
  // a flag still beats the environment.
  const promotion = settings().promotion;
  const env = Object.keys(promotion).length > 0 ? { validation: { thresholds: promotion } } : undefined;
  return { ...loadParams(file, mergeOverrides(env, overrides), sources), root: process.cwd() };
}
