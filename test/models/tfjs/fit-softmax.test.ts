import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/index.js';
import {
  architecture,
  type DistillationWeights,
  distillationLossFromLogProbs,
  fitNormaliser,
  fitSoftmax,
  fitTf,
  initDenseLayers,
  initTfBackend,
  packSoftmaxParams,
  type LabelledRows,
  parseStudentOptions,
  SoftmaxKernel,
  type StudentFitRequest,
  type StudentOptionsInput,
  softmaxRows,
  TEACHER_PROB_FLOOR,
  TypedAdam,
  trainStudent,
  unpackSoftmaxParams,
  wholeBatch,
} from '../../../src/models/tfjs/index.js';
import { synthetic } from './synthetic.js';

/** Rows with teacher probabilities, one of them a hard 0 (clipped at the floor on both paths). */
function rowsOf(n: number, d: number, seed: string): LabelledRows {
  const s = synthetic(n, d, seed);
  const soft = Float64Array.from(s.probs);
  soft.set([1, 0, 0], 0);
  return { x: s.x, y: s.y, soft };
}

/** The request trainStudent builds for these options (same RNG forks, normaliser and initial layers). */
function request(train: LabelledRows, valid: LabelledRows | undefined, input: StudentOptionsInput) {
  const options = parseStudentOptions(input);
  const rng = createRng(options.seed);
  const weights = { alpha: options.alpha, temperature: options.temperature };
  return {
    train,
    valid,
    normaliser: fitNormaliser(train.x),
    start: initDenseLayers(rng.fork('init'), architecture(options, train.x.d, 3)),
    options,
    weights,
    validWeights: valid?.soft ? weights : { alpha: 1, temperature: 1 },
    rng,
  } satisfies StudentFitRequest;
}

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

describe('typed-array logistic student vs the TF.js implementation', () => {
  beforeAll(async () => {
    await initTfBackend();
  });

  it.each<DistillationWeights & { l2: number }>([
    { alpha: 0.5, temperature: 2, l2: 1e-3 },
    { alpha: 0, temperature: 3, l2: 0 },
    { alpha: 1, temperature: 1, l2: 1e-4 },
  ])('loss and gradients agree within 1e-5 (alpha $alpha, T $temperature, l2 $l2)', (w) => {
    const { alpha, temperature, l2 } = w;
    const data = rowsOf(40, 5, 'parity');
    const rows = wholeBatch(softmaxRows(data, fitNormaliser(data.x), 3, { alpha, temperature }));
    const r = createRng('parity-weights');
    // Row-major 5 × 3 weights then 3 biases, as a dense layer stores them.
    const layer = Float64Array.from({ length: 5 * 3 + 3 }, () => Math.fround(r.normal()));
    const theta = packSoftmaxParams(layer.subarray(0, 15), layer.subarray(15), 5, 3);
    // TF.js: autodiff of distillation-loss.ts plus the L2 penalty, as the TF.js trainer minimises it.
    const tfSide = tf.tidy(() => {
      const wv = tf.variable(tf.tensor2d(Float32Array.from(layer.subarray(0, 15)), [5, 3]));
      const bv = tf.variable(tf.tensor1d(Float32Array.from(layer.subarray(15))));
      const logP = tf.tensor2d(
        Float32Array.from(data.soft as Float64Array, (p) => Math.log(Math.max(p, TEACHER_PROB_FLOOR))),
        [40, 3],
      );
      const { value, grads } = tf.variableGrads(() => {
        const logits = tf.add(
          tf.matMul(tf.tensor2d(Float32Array.from(rows.x), [40, 5]), wv),
          bv,
        ) as tf.Tensor2D;
        const loss = distillationLossFromLogProbs(logits, tf.tensor1d(data.y, 'int32'), logP, w);
        return tf.add(loss, tf.mul(tf.sum(tf.square(wv)), l2)) as tf.Scalar;
      });
      const out = {
        loss: value.dataSync()[0],
        gw: Array.from(grads[wv.name].dataSync()),
        gb: Array.from(grads[bv.name].dataSync()),
      };
      wv.dispose();
      bv.dispose();
      return out;
    });
    const grad = new Float64Array(theta.length);
    const kernel = new SoftmaxKernel(5, 3);
    const sum = kernel.sumLoss(rows, 0, 40, theta, { alpha, temperature }, grad);
    let penalty = 0;
    for (let i = 0; i < 15; i++) penalty += layer[i] * layer[i];
    const [gSumW, gSumB] = unpackSoftmaxParams(grad, 5, 3);
    // unpack rounds to float32: well inside the 1e-5 tolerance at these magnitudes.
    const gw = Array.from(gSumW, (g, i) => g / 40 + 2 * l2 * layer[i]);
    const gb = Array.from(gSumB, (g) => g / 40);
    expect(kernel.rowsVisited).toBe(40);
    expect(Math.abs(sum / 40 + l2 * penalty - tfSide.loss)).toBeLessThan(1e-5);
    expect(maxAbsDiff(gw, tfSide.gw)).toBeLessThan(1e-5);
    expect(maxAbsDiff(gb, tfSide.gb)).toBeLessThan(1e-5);
    // Not vacuous: the gradient is far from zero at these random weights.
    expect(Math.max(...gw.map(Math.abs))).toBeGreaterThan(0.01);
  });

  it('TypedAdam takes the steps of tf.train.adam', () => {
    const lr = 0.01;
    const grads = [
      [0.5, -2, 1e-3],
      [0.4, 1, -1e-3],
      [-0.3, 0.5, 0],
      [2, -0.1, 0.2],
    ];
    const params = Float64Array.from([0.1, -0.2, 0.3]);
    const adam = new TypedAdam(3, lr);
    for (const g of grads) adam.step(params, Float64Array.from(g));
    const v = tf.variable(tf.tensor1d([0.1, -0.2, 0.3]));
    const opt = tf.train.adam(lr);
    for (const g of grads) tf.tidy(() => opt.applyGradients([{ name: v.name, tensor: tf.tensor1d(g) }]));
    const expected = v.dataSync();
    v.dispose();
    opt.dispose();
    expect(maxAbsDiff(params, expected)).toBeLessThan(1e-6);
    expect(adam.steps).toBe(4);
    // The steps moved the parameters far beyond that tolerance.
    expect(maxAbsDiff(params, [0.1, -0.2, 0.3])).toBeGreaterThan(lr);
  });

  it('trains to the model TF.js trains: same epochs, weights and validation loss within float32 drift', async () => {
    const opts = { epochs: 12, batchSize: 32, learningRate: 0.02, l2: 1e-3, patience: 3, seed: 5 };
    const req = request(rowsOf(600, 6, 'fit-train'), rowsOf(300, 6, 'fit-valid'), opts);
    const typed = fitSoftmax(req);
    const viaTf = await fitTf(req);
    expect(typed.trainer).toBe('typed-array');
    expect(viaTf.trainer).toBe('tfjs');
    expect(typed.epochsRun).toBe(viaTf.epochsRun);
    expect(typed.bestEpoch).toBe(viaTf.bestEpoch);
    expect(Math.abs(typed.bestLoss - viaTf.bestLoss)).toBeLessThan(1e-5);
    expect(maxAbsDiff(typed.params[0], viaTf.params[0])).toBeLessThan(1e-4);
    expect(maxAbsDiff(typed.params[1], viaTf.params[1])).toBeLessThan(1e-4);
    // Training moved the weights well beyond that tolerance.
    expect(maxAbsDiff(typed.params[0], Float32Array.from(req.start[0].weights))).toBeGreaterThan(0.1);
  });

  it('trainStudent trains a logistic student on the typed path (no TF.js kernel per batch)', async () => {
    const train = rowsOf(600, 6, 'fit-train');
    const valid = rowsOf(300, 6, 'fit-valid');
    const opts = { epochs: 6, batchSize: 32, learningRate: 0.02, patience: 50, calibrate: false, seed: 9 };
    let model: Awaited<ReturnType<typeof trainStudent>> | undefined;
    const profile = await tf.profile(async () => {
      model = await trainStudent({ ...train, valid }, opts);
    });
    // 6 epochs × 19 batches on TF.js would run thousands of kernels; the typed path runs none.
    expect(profile.kernels.length).toBe(0);
    const typed = fitSoftmax(request(train, valid, opts));
    expect(model?.network.layers[0].weights).toEqual(Array.from(typed.params[0]));
    expect(model?.network.layers[0].bias).toEqual(Array.from(typed.params[1]));
    const mlp = await tf.profile(async () => {
      await trainStudent({ ...train, valid }, { ...opts, modelType: 'mlp', hidden: [4] });
    });
    expect(mlp.kernels.length).toBeGreaterThan(6 * 19);
  });
});

describe('fitSoftmax work', () => {
  it('visits each training row once per epoch and each validation row once per evaluation', () => {
    const opts = { epochs: 4, batchSize: 64, patience: 100, seed: 2 };
    const small = fitSoftmax(request(rowsOf(1000, 4, 'lin-a'), rowsOf(250, 4, 'lin-b'), opts));
    const big = fitSoftmax(request(rowsOf(2000, 4, 'lin-c'), rowsOf(500, 4, 'lin-d'), opts));
    expect(small.epochsRun).toBe(4);
    expect(big.epochsRun).toBe(4);
    expect(small.rowsVisited).toBe(4 * (1000 + 250));
    expect(big.rowsVisited).toBe(2 * small.rowsVisited);
    expect(small.steps).toBe(4 * Math.ceil(1000 / 64));
    expect(big.steps).toBe(4 * Math.ceil(2000 / 64));
  });

  it('is byte-identical run to run', () => {
    const req = () => request(rowsOf(500, 4, 'det-a'), rowsOf(200, 4, 'det-b'), { epochs: 3, seed: 4 });
    const a = fitSoftmax(req());
    const b = fitSoftmax(req());
    expect(Buffer.from(b.params[0].buffer)).toEqual(Buffer.from(a.params[0].buffer));
    expect(b.bestLoss).toBe(a.bestLoss);
  });
});
