import { ConfigError } from '../core/index.js';
import type { BatchContext } from './batch-context.js';
import type { JobExecutor } from './executor.js';

/** Placeholder until the BullMQ executor lands. */
export async function queueExecutor(_b: BatchContext, url: string): Promise<JobExecutor> {
  throw new ConfigError('queue mode is not available yet', [
    { path: '--queue', value: url, message: 'not implemented' },
  ]);
}
