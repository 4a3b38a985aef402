import type { FlagTable } from '../flag-spec.js';
import { PARAMS_FLAG } from './params-flag.js';

/** Flags of `engine replay | status | dashboard` (each subcommand reads the ones it needs). */
export const ENGINE_FLAGS = {
  symbols: {
    type: 'list',
    value: 'A B ...',
    help: 'replay: symbols to replay (default: every stored symbol).',
  },
  start: {
    type: 'date',
    value: 'YYYY-MM-DD',
    help: 'replay: first bar date (default: the first stored bar).',
  },
  end: { type: 'date', value: 'YYYY-MM-DD', help: 'replay: last bar date (default: the last stored bar).' },
  policy: {
    type: 'string',
    choices: ['adjusted', 'student', 'baseline'],
    help: 'replay: adjusted (baseline signal ×1.2 / ×0.5 by the student), student (the validation rule) or baseline.',
    default: 'adjusted',
  },
  strategy: {
    type: 'string',
    choices: ['swing', 'intraday'],
    help: 'replay: the baseline strategy (swing: SMA 20/50; intraday: EMA 9/21 + VWAP).',
    param: 'teacher.strategy',
  },
  'pace-ms': {
    type: 'number',
    value: 'N',
    help: 'replay: wait N ms between bar times (a watchable replay).',
    default: '0',
  },
  params: PARAMS_FLAG,
  'raw-dir': { type: 'string', value: 'DIR', help: 'replay: stored bars to replay.', default: 'data/raw' },
  root: {
    type: 'string',
    value: 'DIR',
    help: 'Registry root (production model, audit log).',
    default: 'data/models',
  },
  out: {
    type: 'string',
    value: 'DIR',
    help: 'Engine state: telemetry, alerts, status.',
    default: 'data/live',
  },
  'telemetry-dir': {
    type: 'string',
    value: 'DIR',
    help: 'dashboard: training telemetry of walk-forward batches, shown as training progress while a batch runs.',
    default: 'data/analytics/training',
  },
  json: { type: 'boolean', help: 'replay/status: print JSON.' },
  port: { type: 'number', value: 'N', help: 'dashboard: port on 127.0.0.1.', default: '8050' },
  host: { type: 'string', value: 'HOST', help: 'dashboard: loopback address to bind.', default: '127.0.0.1' },
} as const satisfies FlagTable;
