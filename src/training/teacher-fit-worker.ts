import { parentPort, workerData } from 'node:worker_threads';
import type { Params } from '../config/index.js';
import { type LogLevel, setLogLevel } from '../core/index.js';
import { learners, type SavedModel, setGbdtThreadBudget } from '../models/index.js';
import type { Dataset } from '../models/index.js';

/** One fit a teacher-fit worker runs (see teacher-fit-pool.ts). */
export interface FitRequest {
  id: number;
  params: Params;
  x: Dataset;
  y: Int32Array;
  valid: { x: Dataset; y: Int32Array };
  init?: SavedModel;
  /** Rows to score with the fitted model (its held-out rows). */
  predict: Dataset;
}

/** The fitted model, saved, and the probabilities of `predict`; or the error. */
export interface FitReply {
  id: number;
  saved?: SavedModel;
  proba?: Float64Array;
  error?: string;
}

// One histogram thread per fit: the pool runs as many fits at once as there are cores to use.
setGbdtThreadBudget(1);
setLogLevel((workerData as { logLevel: LogLevel }).logLevel);
const port = parentPort;
port?.on('message', async (req: FitRequest) => {
  try {
    const teacher = learners.forRole('teacher', req.params.teacher.model_type).teacher;
    const warm = req.init ? { init: req.init } : {};
    const model = await teacher.train(req.params, { x: req.x, y: req.y, valid: req.valid, ...warm });
    const reply: FitReply = { id: req.id, saved: model.toJSON(), proba: model.predictProba(req.predict) };
    port.postMessage(reply, [reply.proba?.buffer as ArrayBuffer]);
  } catch (e) {
    port.postMessage({ id: req.id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
});
