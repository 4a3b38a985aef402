import { Worker } from 'node:worker_threads';
import type { BinMapper } from './binning.js';
import {
  addScratchChunk,
  buildRowRange,
  buildWidth,
  chunkSplit,
  createSerialBuilder,
  type HistogramBuilder,
  histogramStats,
  joinPartitions,
  partitionRange,
  gradientRange,
  partitionSerial,
  searchSplit,
} from './histogram-builder.js';
import { histogramWasmModule } from './histogram-wasm.js';
import {
  HISTOGRAM_WORKER_SOURCE,
  OP_GRADIENTS,
  OP_HISTOGRAM,
  OP_PARTITION,
  OP_SPLIT,
} from './histogram-worker-source.js';
import { gbdtAutoThreads } from './thread-budget.js';
import type { GrowBuffers } from './tree-grower.js';

/** Below this many row×feature cells a worker is not worth starting. */
const MIN_PARALLEL_DATA = 200_000;
/** Chunked leaves with fewer rows are built on the main thread alone (same chunks, same sums). */
const MIN_PARALLEL_BUILD_ROWS = 8192;
/** Gradient passes over fewer rows stay on the main thread (a hand-off costs more). */
const MIN_PARALLEL_ROWS = 8192;
/** Polls of the shared flag before sleeping, on either side: about a hundred microseconds. */
const SPIN = 20_000;
/** A worker that has not answered by then is broken; fail loudly rather than hang. */
const WAIT_MS = 120_000;

/**
 * Kernels on the main thread plus one worker, both taking half of the rows. Histograms use the two
 * chunks of chunkSplit: the main thread sums the first, the worker the second into the scratch slot,
 * then they are added exactly as the serial builder adds them. Splitting rows rather than features
 * means each thread reads only its own rows' cells and gradients, which is where the time goes.
 * Gradients are per-row work, identical however the rows are split.
 *
 * Ordering: every buffer a job reads (rows, feats, gh, scores) is written by the main thread before
 * `post` publishes the job with a seq-cst store, and the worker reads them after its seq-cst load of
 * that sequence; the worker writes only the scratch slot (or its own rows' gradients) and publishes
 * them the same way before the main thread reads them in `join`. While a job runs the main thread
 * writes only its own slot or rows, so no location has two writers or a reader racing a writer.
 */
function createTwoThreadBuilder(buf: GrowBuffers, mapper: BinMapper): HistogramBuilder {
  const ctrl = new Int32Array(new SharedArrayBuffer(16 * 4));
  // Doubles of a split search handed to the worker: [0..2] the leaf's sums and count, [3..6] the
  // split params, [8..14] its result (see OP_SPLIT in the worker source).
  const fio = new Float64Array(new SharedArrayBuffer(16 * 8));
  const worker = new Worker(HISTOGRAM_WORKER_SOURCE, {
    eval: true,
    // Not the parent's flags: under `node --input-type=module -e …` the worker's CommonJS source
    // would be parsed as a module and die before answering.
    execArgv: [],
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
      half: mapper.totalBins,
      scores: buf.scores,
      y: buf.y,
      weight: buf.weight,
      numClasses: buf.numClasses,
      spin: SPIN,
      fio,
      hasMissing: mapper.hasMissing,
      memory: buf.memory,
      wasmGradients: buf.wasmGradients,
      scratch: buf.scratch,
      tmp: buf.tmp,
      binsByFeature: buf.binsByFeature,
      goLeft: buf.goLeft,
      wasm: buf.kernels ? histogramWasmModule() : undefined,
    },
  });
  worker.unref();
  let failure: unknown;
  worker.on('error', (e) => {
    failure = e;
  });
  let seq = 0;
  const post = (op: number, start: number, end: number, arg: number, base: number, k: number): void => {
    ctrl[8] = op;
    ctrl[1] = start;
    ctrl[2] = end;
    ctrl[3] = arg;
    ctrl[5] = base;
    ctrl[7] = k;
    seq++;
    Atomics.store(ctrl, 0, seq);
    // A wake-up is a system call (and often hands the core to the woken thread): only when the
    // worker said it sleeps. It sets [10] before its Atomics.wait re-checks [0], both seq-cst, so
    // either this load sees 1 or that wait sees the new sequence and does not sleep.
    if (Atomics.load(ctrl, 10) === 1) Atomics.notify(ctrl, 0);
  };
  const join = (): number => {
    for (let i = 0; i < SPIN && Atomics.load(ctrl, 6) !== seq; i++);
    for (;;) {
      const done = Atomics.load(ctrl, 6);
      if (done === seq) return ctrl[9];
      if (Atomics.wait(ctrl, 6, done, WAIT_MS) === 'timed-out') {
        throw new Error(`GBDT worker did not answer: ${String(failure ?? 'timeout')}`);
      }
    }
  };
  return {
    build(k, start, end, nf, base) {
      histogramStats.builds++;
      const mid = chunkSplit(start, end);
      if (mid === end) {
        buildRowRange(buf, mapper, k, start, end, nf, base);
        return;
      }
      histogramStats.chunkedBuilds++;
      if (end - start < MIN_PARALLEL_BUILD_ROWS) {
        // Both chunks here, as the serial builder does: the hand-off would cost about what it saves.
        buildRowRange(buf, mapper, k, start, mid, nf, base);
        buildRowRange(buf, mapper, k, mid, end, nf, buf.scratchBase);
        addScratchChunk(buf, mapper, nf, base);
        return;
      }
      histogramStats.parallelBuilds++;
      post(OP_HISTOGRAM, mid, end, buildWidth(nf, buf.d), buf.scratchBase, k);
      buildRowRange(buf, mapper, k, start, mid, nf, base);
      join();
      addScratchChunk(buf, mapper, nf, base);
    },
    partition(start, end, col) {
      if (end - start < MIN_PARALLEL_BUILD_ROWS) return partitionSerial(buf, start, end, col);
      // Each thread partitions half of the rows, then the halves are joined: the same layout.
      const mid = start + ((end - start) >>> 1);
      post(OP_PARTITION, mid, end, col, 0, 0);
      const la = partitionRange(buf, start, mid, col);
      const lb = join();
      return joinPartitions(buf, start, mid, end, la, lb);
    },
    gradients() {
      const n = buf.n;
      if (n < MIN_PARALLEL_ROWS) {
        gradientRange(buf, 0, n);
        return;
      }
      // An even split: the wasm kernel takes rows two at a time.
      const mid = (n >>> 1) & ~1;
      post(OP_GRADIENTS, mid, n, 0, 0, 0);
      gradientRange(buf, 0, mid);
      join();
    },
    splitPair(a, b, nf, p) {
      fio[0] = b.sumG;
      fio[1] = b.sumH;
      fio[2] = b.count;
      fio[3] = p.lambdaL2;
      fio[4] = p.minDataInLeaf;
      fio[5] = p.minSumHessianInLeaf;
      fio[6] = p.minGainToSplit;
      post(OP_SPLIT, 0, 0, nf, b.base, 0);
      searchSplit(buf, mapper, a, nf, p);
      join();
      const o = b.out;
      o.gain = fio[8];
      o.feature = fio[9];
      o.bin = fio[10];
      o.defaultLeft = fio[11] === 1;
      o.leftG = fio[12];
      o.leftH = fio[13];
      o.leftC = fio[14];
    },
    close() {
      post(0, 0, 0, 0, 0, 0);
      void worker.terminate();
    },
  };
}

/**
 * Picks the kernel runner: 0 = auto (two threads when the machine has two cores and the data is
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
  const threads = numThreads === 0 ? gbdtAutoThreads() : numThreads;
  const bigEnough = numThreads > 1 || n * buf.d >= MIN_PARALLEL_DATA;
  if (threads >= 2 && bigEnough) return createTwoThreadBuilder(buf, mapper);
  return createSerialBuilder(buf, mapper);
}
