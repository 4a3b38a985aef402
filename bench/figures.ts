import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performanceMetrics, simulate } from '../src/backtest/index.js';
import { createRng } from '../src/core/index.js';
import { barsPerYear, generateSyntheticMarket } from '../src/data/index.js';
import { computeFeaturesForAll, FEATURE_NAMES } from '../src/features/index.js';
import { benchGbdt } from './gbdt-bench.js';
import { compileScorer } from '../src/models/index.js';
import { distilStudent, readTeacherDir } from '../src/training/index.js';
import { featuresMain, ingestMain, stageContext, teacherStage } from '../src/stages/index.js';
import { liveEngine } from './live-engine.js';
import { experiments } from './experiments.js';
import { referenceWorkload } from './reference-workload.js';
import { reportStageBench } from './report-stage.js';
import { streamFeatures } from './stream-features.js';
import { gbdtVsLightgbm } from './gbdt-vs-lightgbm.js';
import { scale500k } from './scale-500k.js';

/** Named figures of a benchmark: numbers, or one level of named numbers (e.g. seconds per phase). */
export type Figures = Record<string, number | Record<string, number>>;

/** One benchmark: a name and a function returning named figures. */
export interface Bench {
  name: string;
  run(): Promise<Figures> | Figures;
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Default pipeline data: ingest + features stage mains into a temp dir (I/O included). */
const ingestFeatures: Bench = {
  name: 'ingest_features',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'sq-bench-'));
    try {
      const ctx = stageContext('params.yaml');
      const t0 = performance.now();
      await ingestMain(ctx, { outDir: join(dir, 'raw') });
      await featuresMain(ctx, { rawDir: join(dir, 'raw'), outDir: join(dir, 'features') });
      return { ingest_features_default_s: round(seconds(t0), 3) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** Features for 36 symbols × 1 year of 5-minute bars (~700k bars). */
const features5m: Bench = {
  name: 'features_5m',
  run() {
    const series = generateSyntheticMarket({
      seed: 42,
      start: '2024-01-01',
      end: '2024-12-31',
      frequency: '5m',
    });
    const bars = series.reduce((s, b) => s + b.ts.length, 0);
    computeFeaturesForAll(series.slice(0, 2)); // JIT warm-up
    const runs: number[] = [];
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      computeFeaturesForAll(series, { vwapMode: 'session' });
      runs.push(seconds(t0));
    }
    const best = Math.min(...runs);
    return {
      features_5m_bars: bars,
      features_5m_675k_s: round(best, 3),
      features_bar_indicators_per_s: Math.round((bars * FEATURE_NAMES.length) / best),
    };
  },
};

/** GBDT: 200k rows × 24 features × 3 classes, 200 rounds, 31 leaves. */
const gbdt: Bench = {
  name: 'gbdt',
  run() {
    const r = benchGbdt(200_000, 24, 200);
    return {
      gbdt_200k_train_s: round(r.seconds, 2),
      gbdt_200k_train_cpu_s: round(r.cpuSeconds, 2),
      gbdt_row_rounds_per_s: Math.round(r.rowRoundsPerS),
    };
  },
};

/** The same GBDT benchmark matrix trained by our GBDT and by LightGBM (bench-only, in .venv). */
const lightgbm: Bench = {
  name: 'lightgbm',
  run: () => gbdtVsLightgbm(),
};

/** Teacher and student cores on ~500k labelled rows (100 synthetic symbols × 21 years of daily bars). */
const scale: Bench = {
  name: 'scale_500k',
  run: scale500k,
};

/** Student distillation on the default data (teacher trained first, not timed) + compiled scorer latency. */
const student: Bench = {
  name: 'student',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'sq-bench-'));
    try {
      const ctx = stageContext('params.yaml');
      const bars = (await ingestMain(ctx, { outDir: join(dir, 'raw') })).series;
      const tables = await featuresMain(ctx, { rawDir: join(dir, 'raw'), outDir: join(dir, 'features') });
      await teacherStage(ctx, bars, tables, { outDir: join(dir, 'teacher') });
      const teacher = readTeacherDir(join(dir, 'teacher'));
      const t0 = performance.now();
      const run = await distilStudent(ctx.params, teacher);
      const trainS = seconds(t0);
      const scorer = compileScorer(run.model.toJSON());
      const test = run.splits.test.x;
      const d = test.d;
      const rows = Math.min(test.n, 4096);
      const matrix = new Float64Array(rows * d);
      for (let i = 0; i < rows; i++) for (let j = 0; j < d; j++) matrix[i * d + j] = test.columns[j][i];
      const out = new Float64Array(3);
      const row = new Float64Array(d);
      const N = 200_000;
      const lat = new Float64Array(N);
      for (let i = 0; i < 50_000; i++)
        scorer.scoreInto(matrix.subarray((i % rows) * d, (i % rows) * d + d), out);
      for (let i = 0; i < N; i++) {
        row.set(matrix.subarray((i % rows) * d, (i % rows) * d + d));
        const t = process.hrtime.bigint();
        scorer.scoreInto(row, out);
        lat[i] = Number(process.hrtime.bigint() - t) / 1000;
      }
      lat.sort();
      const tb = performance.now();
      let scored = 0;
      while (performance.now() - tb < 1000) {
        scorer.scoreBatch(matrix, rows);
        scored += rows;
      }
      return {
        student_train_default_s: round(trainS, 2),
        scorer_p50_us: round(quantile(lat, 0.5), 3),
        scorer_p99_us: round(quantile(lat, 0.99), 3),
        scorer_rows_per_s: Math.round(scored / seconds(tb)),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** Backtest: 36 symbols × 3 years of 5-minute bars, costs on, simulate + metrics. */
const backtest: Bench = {
  name: 'backtest',
  run() {
    const series = generateSyntheticMarket({
      seed: 42,
      start: '2022-01-01',
      end: '2024-12-31',
      frequency: '5m',
    });
    const rng = createRng('bench-targets');
    const targets = series.map((b) => {
      const t = new Int8Array(b.ts.length);
      let cur = 0;
      for (let i = 0; i < t.length; i++) {
        if (rng.next() < 0.02) cur = rng.int(3) - 1;
        t[i] = cur;
      }
      return t;
    });
    const bars = series.reduce((s, b) => s + b.ts.length, 0);
    const costs = { commissionBps: 3, slippageBps: 5 };
    const bpy = barsPerYear('5m');
    const runs: number[] = [];
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      for (let s = 0; s < series.length; s++) performanceMetrics(simulate(series[s], targets[s], costs), bpy);
      runs.push(seconds(t0));
    }
    return { backtest_bars: bars, backtest_bars_per_s: Math.round(bars / Math.min(...runs)) };
  },
};

/** The walk-forward batch on the reference workload (bench/reference-workload.ts). */
const batch: Bench = { name: 'batch', run: referenceWorkload };

/** The report stage (notebooks 01–03 → HTML, promotion_report.md) on the default run; target < 20 s. */
const report: Bench = { name: 'report', run: reportStageBench };

export const BENCHES: Bench[] = [
  ingestFeatures,
  features5m,
  streamFeatures,
  gbdt,
  lightgbm,
  student,
  scale,
  backtest,
  liveEngine,
  experiments,
  batch,
  report,
];
