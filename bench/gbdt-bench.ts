import { createRng } from '../src/core/index.js';
import type { Dataset } from '../src/models/index.js';
import { type GbdtModel, type GbdtOptionsInput, trainGbdt } from '../src/models/gbdt/index.js';

/** Synthetic 3-class data: seeded normal features, label from a nonlinear function of four of them plus noise. */
export function syntheticGbdtData(rows: number, features: number, seed = 1): { x: Dataset; y: Int32Array } {
  const rng = createRng(seed).fork('gbdt-synthetic');
  const columns = Array.from({ length: features }, () => new Float64Array(rows));
  const y = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < features; j++) columns[j][i] = rng.normal();
    const f = (j: number): number => columns[j % features][i];
    const s = Math.sin(2 * f(0)) + f(1) * f(2) + 0.5 * Math.abs(f(3)) - 0.4 + 0.5 * rng.normal();
    y[i] = s > 0.6 ? 0 : s < -0.6 ? 1 : 2;
  }
  const featureNames = Array.from({ length: features }, (_, j) => `f${j}`);
  return { x: { n: rows, d: features, columns, featureNames }, y };
}

/** Timing of one benchmark training run. */
export interface GbdtBench {
  rows: number;
  features: number;
  rounds: number;
  seconds: number;
  /** CPU seconds of the whole process (all threads) during training; robust to a busy machine. */
  cpuSeconds: number;
  rowRoundsPerS: number;
  model: GbdtModel;
}

/**
 * Times trainGbdt on synthetic data (31 leaves, 3 classes); row_rounds_per_s = rows·rounds / seconds.
 * After `npm run build`: node --input-type=module -e "import {benchGbdt} from './dist/bench/gbdt-bench.js';
 * const r = benchGbdt(200000, 24, 200); process.stdout.write(`${r.seconds} ${r.cpuSeconds} ${r.rowRoundsPerS}\n`)"
 */
export function benchGbdt(
  rows: number,
  features: number,
  rounds: number,
  opts: GbdtOptionsInput = {},
): GbdtBench {
  const data = syntheticGbdtData(rows, features);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const model = trainGbdt(data, { numClasses: 3, numRounds: rounds, numLeaves: 31, ...opts });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { rows, features, rounds, seconds, cpuSeconds, rowRoundsPerS: (rows * rounds) / seconds, model };
}
