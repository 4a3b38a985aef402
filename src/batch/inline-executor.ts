import { type LogLevel, logLevel, setLogLevel } from '../core/index.js';
import type { BatchContext } from './batch-context.js';
import type { JobExecutor } from './executor.js';
import { runJob } from './run-job.js';
import { symbolCache } from './symbol-data.js';

/** Quieter level for per-window stage logs (hundreds of windows): warnings and errors still show. */
export function windowLogLevel(level: LogLevel): LogLevel {
  return level === 'debug' || level === 'silent' || level === 'error' ? level : 'warn';
}

/** Runs the jobs one after another in this thread (`--workers 1`; no worker start-up cost). */
export function inlineExecutor(b: BatchContext): JobExecutor {
  const data = symbolCache(b.batchDir, b.ctx.params.base.exchange_tz);
  return {
    concurrency: 1,
    mode: 'inline',
    async run(jobs, onResult) {
      const level = logLevel();
      setLogLevel(windowLogLevel(level));
      try {
        for (const job of jobs) {
          const r = await runJob(b, job, data);
          setLogLevel(level);
          onResult(job, r);
          setLogLevel(windowLogLevel(level));
        }
      } finally {
        setLogLevel(level);
      }
    },
    async close() {},
  };
}
