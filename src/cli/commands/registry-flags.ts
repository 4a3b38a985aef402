import type { FlagTable } from '../flag-spec.js';

/** `--root DIR`: the registry root (production/, archive/, audit log). Must match DEFAULT_REGISTRY_ROOT. */
const ROOT = {
  type: 'string',
  value: 'DIR',
  help: 'Registry root holding production/, archive/ and the audit log.',
  default: 'data/models',
} as const;

const CHECKLIST = {
  type: 'string',
  value: 'FILE',
  help: 'promotion_checklist.json to judge the candidate by, when it is not in the candidate dir.',
  default: 'DIR/promotion_checklist.json, else reports/validation/promotion_checklist.json',
} as const;

const ACTOR = {
  type: 'string',
  value: 'NAME',
  help: 'Who is acting, recorded in the audit log.',
  default: '$SENSEQUANT_ACTOR, else user@host',
} as const;

export const VALIDATE_PROMOTION_FLAGS = {
  checklist: CHECKLIST,
  json: { type: 'boolean', help: 'Print the report as JSON.' },
  root: ROOT,
} as const satisfies FlagTable;

export const PROMOTE_FLAGS = {
  version: {
    type: 'string',
    value: 'V',
    help: 'Version name of the new production model.',
    default: '<UTC time>_<model sha256 prefix>',
  },
  'dry-run': { type: 'boolean', help: 'Check and print what would happen; change nothing.' },
  force: { type: 'boolean', help: 'Promote although the checklist says REJECT (needs --reason).' },
  reason: { type: 'string', value: 'TEXT', help: 'Why (recorded in the audit log).', default: 'none' },
  checklist: CHECKLIST,
  root: ROOT,
  actor: ACTOR,
} as const satisfies FlagTable;

export const ROLLBACK_FLAGS = {
  to: { type: 'string', value: 'VERSION', help: 'Archived version to restore.', default: 'the previous one' },
  'dry-run': { type: 'boolean', help: 'Check and print what would happen; change nothing.' },
  reason: { type: 'string', value: 'TEXT', help: 'Why (recorded in the audit log).', default: 'none' },
  root: ROOT,
  actor: ACTOR,
} as const satisfies FlagTable;

export const REGISTRY_FLAGS = {
  root: ROOT,
  json: { type: 'boolean', help: 'Print the status as JSON.' },
  'other-host': {
    type: 'boolean',
    help: 'unlock: also remove a lock held from another host or container (only when it is gone).',
  },
} as const satisfies FlagTable;
