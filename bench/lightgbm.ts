import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset } from '../src/models/index.js';
import type { GbdtOptions } from '../src/models/gbdt/index.js';

const PYTHON = '.venv/bin/python';
const SCRIPT = 'bench/lightgbm-train.py';

/** One LightGBM training run on the benchmark matrix. */
export interface LightgbmRun {
  seconds: number;
  /** CPU seconds of the Python process during training (all threads). */
  cpuSeconds: number;
  version: string;
  /** Held-out class probabilities, row-major n×K. */
  validProb: Float64Array;
}

/**
 * LightGBM parameters equal to our trainer's options (LightGBM names the same knobs); 2 threads and
 * deterministic. Row-wise histograms like ours, so LightGBM does not spend a trial run choosing.
 */
export function lightgbmParams(o: GbdtOptions, threads: number): Record<string, number | string | boolean> {
  return {
    objective: 'multiclass',
    num_class: o.numClasses,
    num_iterations: o.numRounds,
    learning_rate: o.learningRate,
    num_leaves: o.numLeaves,
    max_depth: o.maxDepth,
    min_data_in_leaf: o.minDataInLeaf,
    min_sum_hessian_in_leaf: o.minSumHessianInLeaf,
    lambda_l1: 0,
    lambda_l2: o.lambdaL2,
    min_gain_to_split: o.minGainToSplit,
    max_bin: o.maxBin,
    feature_fraction: o.featureFraction,
    bagging_fraction: o.baggingFraction,
    bagging_freq: o.baggingFreq,
    seed: o.seed,
    num_threads: threads,
    deterministic: true,
    force_row_wise: true,
    verbosity: -1,
  };
}

/** Row-major float64 bytes of a column-major dataset (what numpy reads without a copy). */
function rowMajor(x: Dataset): Buffer {
  const out = new Float64Array(x.n * x.d);
  for (let j = 0; j < x.d; j++) {
    const c = x.columns[j];
    for (let i = 0; i < x.n; i++) out[i * x.d + j] = c[i];
  }
  return Buffer.from(out.buffer);
}

/** Whether the bench-only Python packages are installed (scripts/bootstrap-bench.sh). */
export function lightgbmAvailable(): boolean {
  if (!existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ['-c', 'import lightgbm'], { stdio: 'ignore' }).status === 0;
}

/**
 * Writes the training matrix, labels and held-out matrix to a temp dir, trains LightGBM there through
 * bench/lightgbm-train.py and reads back its wall time and held-out probabilities.
 */
export function trainLightgbm(
  train: { x: Dataset; y: Int32Array },
  valid: Dataset,
  params: Record<string, number | string | boolean>,
): LightgbmRun {
  const dir = mkdtempSync(join(tmpdir(), 'sq-lgbm-'));
  try {
    writeFileSync(join(dir, 'train_x.f64'), rowMajor(train.x));
    writeFileSync(
      join(dir, 'train_y.i32'),
      Buffer.from(train.y.buffer, train.y.byteOffset, train.y.byteLength),
    );
    writeFileSync(join(dir, 'valid_x.f64'), rowMajor(valid));
    const meta = { n: train.x.n, d: train.x.d, n_valid: valid.n, params };
    writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
    const r = spawnSync(PYTHON, [SCRIPT, dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`LightGBM run failed (${r.status}): ${r.stderr || r.error}`);
    const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
    const bytes = readFileSync(join(dir, 'valid_prob.f64'));
    const validProb = new Float64Array(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    );
    return {
      seconds: result.seconds,
      cpuSeconds: result.cpu_seconds,
      version: result.lightgbm_version,
      validProb,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Mean −log p(true class) of row-major n×K probabilities (clipped at 1e-15, like sklearn). */
export function probLogloss(prob: Float64Array, y: Int32Array, K: number): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s -= Math.log(Math.max(prob[i * K + y[i]], 1e-15));
  return s / y.length;
}

/** LightGBM on a list of fits over one matrix (bench/lightgbm-teacher.py). */
export interface LightgbmFits {
  seconds: number;
  cpuSeconds: number;
  fitSeconds: number[];
  bestIterations: number[];
  version: string;
}

/**
 * Trains LightGBM once per row set of `fits` (row ids into x), each with early stopping on the rows
 * `valid`, as the teacher trains its final and out-of-fold models; returns the summed timings.
 */
export function trainLightgbmFits(
  x: Dataset,
  y: Int32Array,
  fits: Int32Array[],
  valid: Int32Array,
  params: Record<string, number | string | boolean>,
  earlyStoppingRounds: number,
): LightgbmFits {
  const dir = mkdtempSync(join(tmpdir(), 'sq-lgbm-teacher-'));
  const bytes = (a: Int32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  try {
    writeFileSync(join(dir, 'x.f64'), rowMajor(x));
    writeFileSync(join(dir, 'y.i32'), bytes(y));
    writeFileSync(join(dir, 'valid.i32'), bytes(valid));
    for (const [k, f] of fits.entries()) writeFileSync(join(dir, `fit_${k}.i32`), bytes(f));
    const meta = { n: x.n, d: x.d, fits: fits.length, params, early_stopping_rounds: earlyStoppingRounds };
    writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
    const r = spawnSync(PYTHON, ['bench/lightgbm-teacher.py', dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`LightGBM run failed (${r.status}): ${r.stderr || r.error}`);
    const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
    return {
      seconds: result.seconds,
      cpuSeconds: result.cpu_seconds,
      fitSeconds: result.fit_seconds,
      bestIterations: result.best_iterations,
      version: result.lightgbm_version,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
