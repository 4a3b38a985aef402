import type { FlagTable } from '../flag-spec.js';
import { PARAMS_FLAG } from './params-flag.js';

/** Flags of `train-production` (the reference's train_production.py options). */
export const PRODUCTION_FLAGS = {
  optimize: {
    type: 'boolean',
    help: 'Tune the student’s hyper-parameters before training (walk-forward CV).',
  },
  trials: {
    type: 'number',
    value: 'N',
    help: 'Configurations tried by --optimize.',
    param: 'student.tuning.n_candidates',
    overrides: true,
  },
  force: {
    type: 'boolean',
    help: 'Promote even when the candidate misses --min-accuracy or its checklist says REJECT (never past integrity checks).',
  },
  'min-accuracy': {
    type: 'number',
    value: 'X',
    help: 'Least test accuracy of the student for promotion.',
    default: '0.60',
  },
  'model-type': { type: 'string', help: 'Student family.', param: 'student.model_type', overrides: true },
  'dry-run': { type: 'boolean', help: 'Train and validate, run the registry checks, but do not promote.' },
  'output-json': {
    type: 'string',
    value: 'FILE',
    help: 'Write the training result as JSON (also on failure).',
  },
  'output-dir': {
    type: 'string',
    value: 'DIR',
    help: 'Where teacher/ and student/ (with its checklist) go.',
    default: 'data/models/runs/<config_hash>/production',
  },
  reason: {
    type: 'string',
    value: 'TEXT',
    help: 'Reason recorded with a --force promotion.',
    default: 'train-production --force',
  },
  root: { type: 'string', value: 'DIR', help: 'Registry root.', default: 'data/models' },
  params: PARAMS_FLAG,
} as const satisfies FlagTable;
