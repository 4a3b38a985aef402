import { ConfigError, createRng, type Issue, logger, startProgress } from '../../core/index.js';
import type { Dataset } from '../learner.js';
import { createBinMapper } from './binning.js';
import { createGrowBuffers } from './grow-buffers.js';
import { createHistogramBuilder } from './histogram-threads.js';
import { GbdtModel } from './model.js';
import { applyPending, complementOf } from './pending-scores.js';
import { logPriors, multiLogloss } from './objective.js';
import { type GbdtOptionsInput, parseGbdtOptions } from './options.js';
import { sampleFeatures, sampleRows } from './sampling.js';
import type { Tree } from './tree.js';
import { RoutedScores } from './routed-scores.js';
import { routeRowsBinned } from './route-binned.js';
import { routeRows } from './tree.js';
import { TreeGrower } from './tree-grower.js';

/** Labelled training data; `weight` scales each row's gradient and hessian. */
export interface GbdtTrainSet {
  x: Dataset;
  y: Int32Array;
  weight?: Float64Array;
}

/** Copy of a typed array in shared memory, of exactly the same length (kernels read `y.length`). */
function toShared<T extends Float64Array | Int32Array>(a: T): T {
  const C = a.constructor as new (b: SharedArrayBuffer) => T;
  const out = new C(new SharedArrayBuffer(a.byteLength));
  (out as Float64Array).set(a as Float64Array);
  return out;
}

function checkInputs(
  train: GbdtTrainSet,
  K: number,
  valid?: { x: Dataset; y: Int32Array },
  init?: GbdtModel,
): void {
  const issues: Issue[] = [];
  const checkY = (path: string, y: Int32Array, n: number): void => {
    if (y.length !== n) issues.push({ path, message: `expected ${n} labels`, value: y.length });
    const bad = y.findIndex((v) => v < 0 || v >= K);
    if (bad >= 0)
      issues.push({ path: `${path}[${bad}]`, message: `label must be in [0, ${K})`, value: y[bad] });
  };
  checkY('train.y', train.y, train.x.n);
  if (train.weight && train.weight.length !== train.x.n) {
    issues.push({
      path: 'train.weight',
      message: `expected ${train.x.n} weights`,
      value: train.weight.length,
    });
  }
  if (valid) {
    checkY('valid.y', valid.y, valid.x.n);
    if (valid.x.featureNames.join() !== train.x.featureNames.join()) {
      issues.push({ path: 'valid.x.featureNames', message: 'must equal the training features' });
    }
  }
  if (init && (init.numClasses !== K || init.featureNames.join() !== train.x.featureNames.join())) {
    issues.push({
      path: 'init',
      message: 'warm-start model must have the same classes and features',
      fix: 'retrain from scratch',
    });
  }
  if (train.x.n === 0) issues.push({ path: 'train.x', message: 'no training rows' });
  if (issues.length > 0) throw new ConfigError('invalid GBDT training inputs', issues);
}

/**
 * Trains a softmax multiclass GBDT (one leaf-wise tree per class per round). With `valid` and
 * earlyStoppingRounds > 0 it keeps the round with the best validation multi-logloss; with `init` it
 * continues boosting from that model's raw scores and returns its trees followed by the new ones.
 */
export function trainGbdt(
  train: GbdtTrainSet,
  opts: GbdtOptionsInput,
  valid?: { x: Dataset; y: Int32Array },
  init?: GbdtModel,
): GbdtModel {
  const o = parseGbdtOptions(opts);
  const K = o.numClasses;
  checkInputs(train, K, valid, init);
  const { x, y, weight } = train;
  const { n, d } = x;
  const { numThreads, ...saved } = o;
  const initScore = init ? init.initScore : logPriors(y, K, weight);
  const rawOf = (ds: Dataset): Float64Array => {
    if (init) return init.predictRaw(ds);
    const r = new Float64Array(ds.n * K);
    for (let i = 0; i < ds.n; i++) r.set(initScore, i * K);
    return r;
  };
  // In shared memory: the worker computes half of the gradients from them.
  const scores = toShared(rawOf(x));
  const validScores = valid ? new RoutedScores(valid.x, rawOf(valid.x)) : undefined;
  const early = o.earlyStoppingRounds > 0 && valid !== undefined;
  if (o.earlyStoppingRounds > 0 && !valid)
    logger.warn('gbdt: earlyStoppingRounds ignored without a validation set');

  const mapper = createBinMapper(x, o.maxBin, o.minDataInBin);
  const buf = createGrowBuffers(x, mapper, {
    scores,
    y: toShared(y),
    weight: weight ? toShared(weight) : undefined,
    numClasses: K,
    numLeaves: o.numLeaves,
  });
  const builder = createHistogramBuilder(buf, mapper, numThreads, n);
  const grower = new TreeGrower(buf, mapper, o, builder);
  // Leaf of every row in the last tree of each class (the partition gives the bag's, a traversal of the
  // raw values the others'): its scores are added in one sequential pass before the next gradients.
  const leafOf = Array.from({ length: K }, () => new Uint16Array(n));
  const pending: (Float64Array | undefined)[] = new Array(K).fill(undefined);
  const bag = new Uint32Array(n);
  let bagCount = sampleRows(n, 1, createRng(0), bag);
  // Rows out of the current bag (ascending): their leaves come from the tree, the bag's from the partition.
  const outOfBag = new Uint32Array(n);
  let outCount = 0;
  const bagging = o.baggingFreq > 0 && o.baggingFraction < 1;
  const trees: Tree[] = init ? [...init.trees] : [];
  const firstRound = init ? init.numRounds : 0;
  let best = { loss: Number.POSITIVE_INFINITY, round: -1 };
  const progress = startProgress('gbdt', o.numRounds);
  try {
    for (let r = 0; r < o.numRounds; r++) {
      // Streams keyed by the absolute round so warm starts draw what one long run would have drawn.
      const round = firstRound + r;
      const rng = createRng(o.seed).fork(`round-${round}`);
      if (bagging && (r === 0 || round % o.baggingFreq === 0)) {
        // The bag of round R is drawn at round R - R % baggingFreq, also when a warm start begins mid-period.
        const bagRound = round - (round % o.baggingFreq);
        bagCount = sampleRows(
          n,
          o.baggingFraction,
          createRng(o.seed).fork(`round-${bagRound}`).fork('bag'),
          bag,
        );
        outCount = complementOf(bag, bagCount, n, outOfBag);
      }
      applyPending(buf.scores, K, leafOf, pending);
      builder.gradients();
      for (let k = 0; k < K; k++) {
        const nf = sampleFeatures(d, o.featureFraction, rng.fork(`features-${k}`), buf.feats);
        buf.rows.set(bag.subarray(0, bagCount));
        const { tree, numLeaves } = grower.grow(k, bagCount, nf);
        trees.push(tree);
        const lk = leafOf[k];
        for (let l = 0; l < numLeaves; l++) {
          const end = grower.leafStart[l] + grower.leafCount[l];
          for (let q = grower.leafStart[l]; q < end; q++) lk[buf.rows[q]] = l;
        }
        if (outCount > 0) {
          const routed = buf.routed;
          routed.set(outOfBag.subarray(0, outCount));
          if (!routeRowsBinned(tree, grower.nodeBin, buf, mapper, routed, outCount, lk))
            routeRows(tree, x, routed, outCount, buf.tmp, lk);
        }
        pending[k] = tree.leafValue;
        validScores?.add(tree, K, k);
      }
      progress.tick();
      if (early && validScores && valid) {
        const loss = multiLogloss(validScores.scores, valid.y, K);
        if (loss < best.loss) best = { loss, round: r };
        else if (r - best.round >= o.earlyStoppingRounds) {
          logger.debug('gbdt: early stop', { round: r, bestRound: best.round, bestLoss: best.loss });
          break;
        }
      }
    }
  } finally {
    builder.close();
    progress.done();
  }
  if (early && best.round >= 0) trees.length = (firstRound + best.round + 1) * K;
  return new GbdtModel({ options: saved, numClasses: K, featureNames: x.featureNames, initScore, trees });
}
