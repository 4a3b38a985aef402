import { startBatchWorker } from '../../batch/index.js';
import { ConfigError } from '../../core/index.js';
import { print } from '../args.js';
import type { FlagValues } from '../flag-spec.js';
import type { BATCH_WORKER_FLAGS } from './batch-flags.js';
import type { Command } from './types.js';

const positive = (flag: string, v: number | undefined, max: number): number | undefined => {
  if (v === undefined) return undefined;
  if (!(Number.isFinite(v) && v > 0 && v <= max))
    throw new ConfigError(`invalid --${flag}`, [
      {
        path: `--${flag}`,
        value: v,
        message: `must be a number above 0 and at most ${max}`,
        fix: `e.g. --${flag} 2`,
      },
    ]);
  return v;
};

/** `batch-worker --queue redis://…`: runs queued batch windows until stopped (SIGINT/SIGTERM). */
export const batchWorkerCommand: Command = {
  async run(flags) {
    const values = flags.values as FlagValues<typeof BATCH_WORKER_FLAGS>;
    const url = values.queue;
    if (!url || !/^rediss?:\/\/[^/\s]+/.test(url))
      throw new ConfigError('batch-worker needs --queue redis://HOST:PORT', [
        {
          path: '--queue',
          value: url,
          message: 'missing or not a Redis URL',
          fix: 'e.g. --queue redis://127.0.0.1:6379',
        },
      ]);
    const lock = positive('lock-seconds', values['lock-seconds'], 3600);
    const handle = await startBatchWorker({
      url,
      concurrency: positive('concurrency', values.concurrency, 64),
      lockMs: lock === undefined ? undefined : Math.round(lock * 1000),
      maxJobs: positive('max-jobs', values['max-jobs'], 1e9),
    });
    const stop = () => void handle.stop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await handle.closed;
    print(`batch-worker: ${handle.processed()} windows`);
    return 0;
  },
};
