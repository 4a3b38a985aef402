import type { FlagTable } from '../flag-spec.js';
import { PARAMS_FLAG } from './params-flag.js';

/** Flags shared by train-batch and run-historical-training (the reference's batch options). */
const WINDOW_FLAGS = {
  symbols: {
    type: 'list',
    value: 'A B ...',
    help: 'Symbols to train (space- or comma-separated); empty = all.',
    param: 'data.symbols',
    overrides: true,
  },
  'symbols-file': {
    type: 'string',
    value: 'FILE',
    help: 'Symbols one per line (# comments); instead of --symbols.',
  },
  'start-date': {
    type: 'date',
    value: 'YYYY-MM-DD',
    help: 'First session of the data; the first window starts here.',
    param: 'data.start',
    overrides: true,
  },
  'end-date': {
    type: 'date',
    value: 'YYYY-MM-DD',
    help: 'Last session of the data; windows whose label horizon runs past it are skipped.',
    param: 'data.end',
    overrides: true,
  },
  'window-days': {
    type: 'number',
    value: 'N',
    help: 'Calendar days per window.',
    param: 'batch.window_days',
    overrides: true,
  },
  'step-days': {
    type: 'number',
    value: 'N',
    help: 'Calendar days between window starts.',
    param: 'batch.step_days',
    overrides: true,
  },
  'forecast-horizon': {
    type: 'number',
    value: 'N',
    help: 'Label horizon in bars (null in params = teacher.horizon).',
    param: 'batch.forecast_horizon',
    overrides: true,
  },
  'run-id': {
    type: 'string',
    value: 'ID',
    help: 'Name of the run; rerunning the same id (and config) resumes it.',
    default: 'batch_<config_hash>',
  },
  'batch-dir': {
    type: 'string',
    value: 'DIR',
    help: 'Where the windows, ledgers and batch data go.',
    default: 'data/models/<run_id>',
  },
  workers: {
    type: 'number',
    value: 'N',
    help: 'Windows trained at once on worker_threads (1 = in the main thread); GBDT threads per worker = cores / N.',
    default: 'the number of cores',
  },
  queue: {
    type: 'string',
    value: 'redis://HOST:PORT',
    help: 'Put the windows on a BullMQ queue in Redis for `batch-worker` processes instead of local threads.',
  },
  'skip-fetch': {
    type: 'boolean',
    help: 'Do not fetch bars: read them from the raw-bar store (--raw-dir).',
  },
  'raw-dir': {
    type: 'string',
    value: 'DIR',
    help: 'Raw-bar store read with --skip-fetch.',
    default: 'data/raw',
  },
  'enable-telemetry': {
    type: 'boolean',
    help: 'Write training telemetry (JSONL events as each window finishes).',
  },
  'telemetry-dir': {
    type: 'string',
    value: 'DIR',
    help: 'Telemetry directory (implies --enable-telemetry).',
    default: 'data/analytics/training',
  },
  params: PARAMS_FLAG,
} as const satisfies FlagTable;

/** Flags of `train-batch`. */
export const TRAIN_BATCH_FLAGS = WINDOW_FLAGS;

/** Flags of `run-historical-training`. */
export const HISTORICAL_FLAGS = {
  ...WINDOW_FLAGS,
  'release-dir': {
    type: 'string',
    value: 'DIR',
    help: 'Where the release audit bundle audit_<run_id>/ goes.',
    default: 'release',
  },
} as const satisfies FlagTable;

/** Flags of `approve-candidate RUN_ID`. */
export const APPROVE_FLAGS = {
  reason: { type: 'string', value: 'TEXT', help: 'Why the run is approved (recorded in the audit log).' },
  approver: {
    type: 'string',
    value: 'NAME',
    help: 'Who approves.',
    default: '$SENSEQUANT_ACTOR, else user@host',
  },
  'release-dir': { type: 'string', value: 'DIR', help: 'Root of the audit bundles.', default: 'release' },
  root: {
    type: 'string',
    value: 'DIR',
    help: 'Registry root whose audit.jsonl records it.',
    default: 'data/models',
  },
} as const satisfies FlagTable;

/** Flags of `batch-worker`. */
export const BATCH_WORKER_FLAGS = {
  queue: {
    type: 'string',
    value: 'redis://HOST:PORT',
    help: 'The Redis server of the batch queue (the one train-batch / run-historical-training --queue uses).',
  },
  concurrency: { type: 'number', value: 'N', help: 'Windows this process runs at once.', default: '1' },
  'lock-seconds': {
    type: 'number',
    value: 'S',
    help: 'Lock of a running window: a worker killed mid-window hands it to another after this long.',
    default: '30',
  },
  'max-jobs': {
    type: 'number',
    value: 'N',
    help: 'Exit after this many windows.',
    default: 'run until stopped',
  },
} as const satisfies FlagTable;
