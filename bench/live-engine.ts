import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSettings, validateParams } from '../src/config/index.js';
import { createRng } from '../src/core/index.js';
import { type BarSeries, generateSyntheticMarket, sliceBars } from '../src/data/index.js';
import { FEATURE_NAMES } from '../src/features/index.js';
import { CLASSES } from '../src/labels/index.js';
import { LiveEngine, replay, resolveEngineConfig } from '../src/live/index.js';
import { exportScorer, type SavedModel } from '../src/models/index.js';
import { studentOptionsSchema } from '../src/models/tfjs/index.js';
import { ENGINE_FILES, sha256, stableStringify } from '../src/pipeline/index.js';
import { driveBars, gcCount, quantile, timed } from './bar-replay.js';
import type { Bench } from './figures.js';

/**
 * A logistic student over all 24 features with seeded weights, written as a verified student dir (the
 * engine loads it through the registry's loader). Serving cost does not depend on how weights were fit.
 */
function writeStudent(dir: string): void {
  const rng = createRng('bench-live-student');
  const d = FEATURE_NAMES.length;
  const saved = {
    className: 'LogisticStudent',
    config: {
      options: studentOptionsSchema.parse({}),
      featureNames: [...FEATURE_NAMES],
      classes: [...CLASSES],
    },
    weights: {
      normaliser: { mean: Array.from({ length: d }, () => 0), std: Array.from({ length: d }, () => 1) },
      layers: [
        {
          inDim: d,
          outDim: 3,
          activation: 'linear',
          weights: Array.from({ length: d * 3 }, () => rng.normal() * 0.3),
          bias: [0.1, -0.1, 0.2],
        },
      ],
      calibrationTemperature: 1.1,
    },
  };
  const model = `${stableStringify(saved)}\n`;
  const scorer = `${stableStringify(exportScorer(saved as unknown as SavedModel))}\n`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'student_model.json'), model);
  writeFileSync(join(dir, 'scorer.json'), scorer);
  writeFileSync(
    join(dir, 'metadata.json'),
    JSON.stringify({
      model_sha256: sha256(model),
      scorer_sha256: sha256(scorer),
      config_hash: '00000000',
      feature_names: FEATURE_NAMES,
      classes: CLASSES,
      labels: { horizon: 12, min_holding_return: 0.002 },
    }),
  );
  writeFileSync(
    join(dir, 'promotion_checklist.json'),
    JSON.stringify({
      candidate_model_sha256: sha256(model),
      candidate_metrics: { precision_long: 0.6, hit_ratio: 0.55 },
    }),
  );
}

function startEngine(series: BarSeries[], studentDir: string, stateDir: string): LiveEngine {
  const params = validateParams({ data: { frequency: '5m' }, teacher: { strategy: 'intraday' } });
  const settings = parseSettings({
    SENSEQUANT_STUDENT_MODEL_ENABLED: 'true',
    SENSEQUANT_STUDENT_MODEL_PATH: studentDir,
    SENSEQUANT_LOG_LEVEL: 'warn',
  });
  if (!params.ok || !settings.ok) throw new Error('bench configuration is invalid');
  const config = resolveEngineConfig(params.value, settings.value);
  return LiveEngine.start({ config, symbols: series.map((b) => b.symbol), stateDir });
}

/**
 * The live engine on 36 symbols × 1 year of 5-minute bars (intraday strategy, student enabled, adjusted
 * policy, monitoring on, telemetry written to a file). `replay_ticks_per_s`: ticks of a whole replay over
 * its wall time (and over the process CPU time it used, a figure other processes on a shared machine
 * disturb less). `tick_p50_us` / `tick_p99_us`: one `onBar` call timed each — feature update, score,
 * decision, outcome tracking and the telemetry record queued for the telemetry thread (plus, on a bar
 * time's first tick, the monitor's evaluation). The telemetry thread encodes and writes the lines on the
 * other core; a replay's timing ends when the engine has decided every bar, when the thread may still
 * hold lines to encode (under a quarter of its 64K-line ring unless it fell behind: milliseconds of
 * work, as the file sink used to hold chunks in flight). The only allocation per tick is the clock: performance.now() returns a boxed
 * double (two per tick, for the telemetry latency), collected by a few minor GCs per replay.
 */
export const liveEngine: Bench = {
  name: 'live_engine',
  async run() {
    const series = generateSyntheticMarket({
      seed: 42,
      start: '2024-01-01',
      end: '2024-12-31',
      frequency: '5m',
    });
    const root = mkdtempSync(join(tmpdir(), 'sq-bench-live-'));
    try {
      const studentDir = join(root, 'student');
      writeStudent(studentDir);
      // JIT warm-up on a slice, in its own engine.
      const head = series.map((b) => sliceBars(b, 0, 3000));
      let e = startEngine(head, studentDir, join(root, 'warm'));
      await replay(e, head);
      await e.finish();

      e = startEngine(series, studentDir, join(root, 'replay'));
      const engine = e;
      let run = { value: { ticks: 0 }, wallSeconds: 0, cpuSeconds: 0 };
      const gcs = await gcCount(async () => {
        run = await timed(() => replay(engine, series));
      });
      await e.finish();
      const ticks = run.value.ticks;
      const telemetryBytes = statSync(join(root, 'replay', ENGINE_FILES.telemetry)).size;

      // Per-tick latency: the same bars driven tick by tick, each onBar timed.
      e = startEngine(series, studentDir, join(root, 'latency'));
      const timedEngine = e;
      const n = Math.min(...series.map((b) => b.ts.length));
      const lat = new Float64Array(n * series.length);
      driveBars(series, n, (s, bar) => timedEngine.onBar(s, bar), lat, 'call');
      await e.finish();
      lat.sort();
      const q = (p: number) => quantile(lat, p) / 1000;
      return {
        tick_p50_us: Math.round(q(0.5) * 1000) / 1000,
        tick_p99_us: Math.round(q(0.99) * 1000) / 1000,
        replay_ticks: ticks,
        replay_ticks_per_s: Math.round(ticks / run.wallSeconds),
        // Less disturbed by other processes on a shared machine than wall time (CPU of every thread).
        replay_ticks_per_cpu_s: Math.round(ticks / run.cpuSeconds),
        replay_gcs: gcs,
        replay_telemetry_mb: Math.round(telemetryBytes / 1e5) / 10,
      };
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
