import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BinMapper } from './binning.js';
import { buildFeatureRange, createSerialBuilder, type HistogramBuilder } from './histogram-builder.js';
import { HISTOGRAM_WORKER_SOURCE } from './histogram-worker-source.js';
import type { GrowBuffers } from './tree-grower.js';

/** Below this many row×feature updates a job stays on the main thread (wake-up costs more). */
const MIN_PARALLEL_WORK = 16_384;
/** Below this many row×feature cells a worker is not worth starting. */
const MIN_PARALLEL_DATA = 200_000;
/** A worker that has not answered by then is broken; fail loudly rather than hang. */
const WAIT_MS = 120_000;

/**
 * Histogram builder using the main thread plus one worker: the used features are split in two
 * halves, so every feature's sums are still made by one thread in row order (bit-identical to serial).
 */
function createTwoThreadBuilder(buf: GrowBuffers, mapper: BinMapper): HistogramBuilder {
  const ctrl = new Int32Array(new SharedArrayBuffer(8 * 4));
  const worker = new Worker(HISTOGRAM_WORKER_SOURCE, {
    eval: true,
    workerData: {
      ctrl,
      cells: buf.bins,
      d: buf.d,
      n: buf.n,
      gh: buf.gh,
      rows: buf.rows,
      feats: buf.feats,
      hist: buf.hist,
      offsets: mapper.offsets,
      numBins: mapper.numBins,
    },
  });
  worker.unref();
  let failure: unknown;
  worker.on('error', (e) => {
    failure = e;
  });
  let seq = 0;
  return {
    build(k, start, end, nf, base) {
      if ((end - start) * nf < MIN_PARALLEL_WORK || nf < 2) {
        buildFeatureRange(buf, mapper, k, start, end, 0, nf, base);
        return;
      }
      // The worker takes the upper half of the features; rows per feature cost the same.
      const mid = nf >> 1;
      ctrl[1] = start;
      ctrl[2] = end;
      ctrl[3] = mid;
      ctrl[4] = nf;
      ctrl[5] = base;
      ctrl[7] = k;
      seq++;
      Atomics.store(ctrl, 0, seq);
      Atomics.notify(ctrl, 0);
      buildFeatureRange(buf, mapper, k, start, end, 0, mid, base);
      for (;;) {
        const done = Atomics.load(ctrl, 6);
        if (done === seq) break;
        if (Atomics.wait(ctrl, 6, done, WAIT_MS) === 'timed-out') {
          throw new Error(`GBDT histogram worker did not answer: ${String(failure ?? 'timeout')}`);
        }
      }
    },
    close() {
      ctrl[1] = -1;
      Atomics.store(ctrl, 0, seq + 1);
      Atomics.notify(ctrl, 0);
      void worker.terminate();
    },
  };
}

/**
 * Picks the histogram builder: 0 = auto (two threads when the machine has two cores and the data is
 * big enough), 1 = serial, 2+ = two threads.
 */
export function createHistogramBuilder(
  buf: GrowBuffers,
  mapper: BinMapper,
  numThreads: number,
  n: number,
): HistogramBuilder {
  // A fixed rule rather than the load average: the choice must not depend on what else runs, and
  // results do not depend on the thread count anyway.
  const threads = numThreads === 0 ? Math.min(2, availableParallelism()) : numThreads;
  const bigEnough = numThreads > 1 || n * buf.d >= MIN_PARALLEL_DATA;
  if (threads >= 2 && bigEnough) return createTwoThreadBuilder(buf, mapper);
  return createSerialBuilder(buf, mapper);
}
