/**
 * Entry of a batch worker thread (see thread-executor.ts): sets the thread's GBDT thread budget and
 * write mode, selects the TF.js backend, then runs the window jobs it is sent, one at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type LogLevel, setLogLevel } from '../core/index.js';
import { initTfBackend, setGbdtThreadBudget } from '../models/index.js';
import { setAtomicWriteDurability } from '../pipeline/index.js';
import { type BatchWire, fromWire, type WindowJob } from './batch-context.js';
import { runJob } from './run-job.js';
import { symbolCache } from './symbol-data.js';

/** What the pool passes to each worker thread. */
export interface WorkerInit {
  wire: BatchWire;
  gbdtThreads: number;
  logLevel: LogLevel;
  durable: boolean;
}

const init = workerData as WorkerInit;
const port = parentPort;
if (port) {
  setLogLevel(init.logLevel);
  setGbdtThreadBudget(init.gbdtThreads);
  setAtomicWriteDurability(init.durable);
  const b = fromWire(init.wire);
  const data = symbolCache(b.batchDir, b.ctx.params.base.exchange_tz);
  await initTfBackend();
  port.on('message', (msg: { id: number; job: WindowJob }) => {
    runJob(b, msg.job, data).then(
      (result) => port.postMessage({ id: msg.id, result }),
      (err: unknown) => port.postMessage({ id: msg.id, error: String(err) }),
    );
  });
  port.postMessage({ ready: true });
}
