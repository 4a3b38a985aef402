import type { FlagSpec } from '../flag-spec.js';

/** `--params FILE`, shared by the commands that read params.yaml. */
export const PARAMS_FLAG = {
  type: 'string',
  value: 'FILE',
  help: 'Params file to read (flags override its keys for this run only).',
  default: 'params.yaml',
} as const satisfies FlagSpec;
