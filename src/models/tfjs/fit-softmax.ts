import { logger } from '../../core/index.js';
import { SoftmaxKernel } from './softmax-kernel.js';
import {
  batchBuffer,
  gatherRows,
  packSoftmaxParams,
  softmaxRows,
  unpackSoftmaxParams,
  wholeBatch,
} from './softmax-rows.js';
import {
  assertTrainLossFinite,
  epochVerdict,
  type StudentFit,
  type StudentFitRequest,
} from './student-fit.js';
import { shuffledIndices } from './training-batches.js';
import { TypedAdam } from './typed-adam.js';

/** The softmax-regression fit plus the work it did (for checking that an epoch is linear in the rows). */
export interface SoftmaxFit extends StudentFit {
  /** Rows whose loss was computed: training rows per epoch plus validation rows per evaluation. */
  rowsVisited: number;
  /** Adam updates (mini-batches). */
  steps: number;
}

/**
 * Fits the logistic (softmax-regression) student on typed arrays, with the TF.js loop's semantics: the
 * same seeded shuffles, mini-batches, mean distillation loss plus `l2·ΣW²`, Adam update, validation loss
 * per epoch with early stopping and the best epoch's weights kept. Each epoch is O(rows·d·K) with no
 * per-row allocation.
 */
export function fitSoftmax(req: StudentFitRequest): SoftmaxFit {
  const { options, weights, validWeights, start } = req;
  if (start.length !== 1) throw new Error('fitSoftmax: a logistic student has exactly one layer');
  const layer = start[0];
  const d = layer.inDim;
  const k = layer.outDim;
  const train = softmaxRows(req.train, req.normaliser, k, weights);
  const valid = req.valid ? wholeBatch(softmaxRows(req.valid, req.normaliser, k, validWeights)) : null;
  const dk = d * k;
  const theta = packSoftmaxParams(layer.weights, layer.bias, d, k);
  const grad = new Float64Array(dk + k);
  const adam = new TypedAdam(theta.length, options.learningRate);
  const kernel = new SoftmaxKernel(d, k);
  const batch = batchBuffer(train, Math.min(train.n, options.batchSize));
  const shuffleRng = req.rng.fork('shuffle');
  const l2 = options.l2;
  const copy = (): Float32Array[] => unpackSoftmaxParams(theta, d, k);

  let best = { loss: Number.POSITIVE_INFINITY, epoch: 0, params: copy() };
  let epochsRun = 0;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const order = shuffledIndices(train.n, shuffleRng);
    let lossSum = 0;
    for (let s = 0; s < train.n; s += options.batchSize) {
      const e = Math.min(train.n, s + options.batchSize);
      const m = e - s;
      grad.fill(0);
      // Copied into a small contiguous buffer first: the kernel then reads it sequentially, and the
      // random-access copy overlaps its cache misses (reading shuffled rows in place was 3× slower).
      gatherRows(train, order, s, e, batch);
      const sum = kernel.sumLoss(batch, 0, m, theta, weights, grad);
      let penalty = 0;
      for (let i = 0; i < dk; i++) {
        penalty += theta[i] * theta[i];
        grad[i] = grad[i] / m + 2 * l2 * theta[i];
      }
      for (let i = dk; i < theta.length; i++) grad[i] /= m;
      lossSum += (sum / m + l2 * penalty) * m;
      adam.step(theta, grad);
    }
    epochsRun = epoch;
    const trainLoss = lossSum / train.n;
    assertTrainLossFinite(trainLoss, options);
    if (!valid) continue;
    const validLoss = kernel.sumLoss(valid, 0, valid.n, theta, validWeights, null) / valid.n;
    logger.debug('student epoch', { epoch, trainLoss, validLoss });
    const verdict = epochVerdict(validLoss, best, epoch, options.patience);
    if (verdict === 'improved') best = { loss: validLoss, epoch, params: copy() };
    else if (verdict === 'stop') break;
  }
  if (!valid) best = { loss: Number.NaN, epoch: epochsRun, params: copy() };
  return {
    params: best.params,
    epochsRun,
    bestEpoch: best.epoch,
    bestLoss: best.loss,
    trainer: 'typed-array',
    rowsVisited: kernel.rowsVisited,
    steps: adam.steps,
  };
}
