import type { FlagTable } from '../flag-spec.js';
import { PARAMS_FLAG } from './params-flag.js';

/** Flags of `train-teacher` (the reference's train_teacher.py options). */
export const TEACHER_FLAGS = {
  symbols: {
    type: 'list',
    value: 'A B ...',
    help: 'Symbols to label and train on (space- or comma-separated); empty = all.',
    param: 'data.symbols',
    overrides: true,
  },
  'start-date': {
    type: 'date',
    value: 'YYYY-MM-DD',
    help: 'First labelled session; bars before it only warm up the features (see --lookback-days).',
    param: 'data.start',
    overrides: true,
  },
  'end-date': {
    type: 'date',
    value: 'YYYY-MM-DD',
    help: 'Last labelled session; no label looks past it.',
    param: 'data.end',
    overrides: true,
  },
  strategy: {
    type: 'string',
    help: 'swing: labels may hold across sessions; intraday: a label never holds past its session close (needs data.frequency 5m).',
    param: 'teacher.strategy',
    overrides: true,
  },
  'output-dir': {
    type: 'string',
    value: 'DIR',
    help: 'Where the teacher artifacts go.',
    default: 'data/models/runs/<config_hash>/teacher',
  },
  'min-holding-return': {
    type: 'number',
    value: 'X',
    help: '|forward return| needed for LONG / SHORT, else NOOP.',
    param: 'teacher.min_holding_return',
    overrides: true,
  },
  'lookback-days': {
    type: 'number',
    value: 'N',
    help: 'Days of history before --start-date used only for feature warm-up.',
    param: 'teacher.lookback_days',
    overrides: true,
  },
  features: {
    type: 'list',
    value: 'f1 f2 ...',
    help: 'Model features to build; empty = all.',
    param: 'features.list',
    overrides: true,
  },
  'baseline-model': {
    type: 'string',
    value: 'TEACHER_DIR',
    help: 'Earlier teacher run to warm-start from.',
    default: 'none (train from scratch)',
  },
  'append-labels': {
    type: 'boolean',
    help: "Append the --baseline-model run's labels to the new ones (incremental training).",
  },
  params: PARAMS_FLAG,
} as const satisfies FlagTable;
