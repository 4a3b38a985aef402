import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBatchContext, PHASES, runBatch } from '../src/batch/index.js';
import { logLevel, setLogLevel } from '../src/core/index.js';

/**
 * The reference system's workload (its run took 18 minutes): 36 symbols, daily bars 2022-01-01 …
 * 2024-12-31, 180-day windows every 180 days = 7 per symbol (252 windows; the last of each symbol has no
 * future bars for its labels: 216 trainable, 36 skipped), all seven phases, default params otherwise.
 * Two settings follow from the size of one window (one symbol, ~125 bars, ~75 training rows): leaves need
 * 10 rows, not 50 (else no tree can split), and a single-class validation split of 14 rows is a warning.
 */
export const REFERENCE_PARAMS = `data:
  start: "2022-01-01"
  end: "2024-12-31"
  quality:
    single_class_split: warn
teacher:
  gbdt:
    min_data_in_leaf: 10
batch:
  window_days: 180
  step_days: 180
`;

/** Runs the reference workload in a temp dir on all cores; wall and CPU seconds, per phase too. */
export async function referenceWorkload(): Promise<Record<string, number | Record<string, number>>> {
  const dir = mkdtempSync(join(tmpdir(), 'sq-bench-batch-'));
  const level = logLevel();
  try {
    const file = join(dir, 'params.yaml');
    writeFileSync(file, REFERENCE_PARAMS);
    const ctx = loadBatchContext(file);
    setLogLevel('warn');
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const out = await runBatch({
      ctx,
      phases: PHASES,
      batchDir: join(dir, 'batch'),
      releaseDir: join(dir, 'release'),
      telemetryDir: join(dir, 'telemetry'),
      workers: availableParallelism(),
    });
    const total = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const round = (x: number) => Math.round(x * 1000) / 1000;
    const t = out.counts.teacher;
    return {
      reference_workload_total_s: round(total),
      reference_workload_cpu_s: round((cpu.user + cpu.system) / 1e6),
      reference_workload_phases_s: Object.fromEntries(out.timings.map((p) => [p.phase, round(p.seconds)])),
      reference_workload_windows: out.windows,
      reference_workload_trained: t?.success ?? 0,
      reference_workload_skipped: t?.skipped ?? 0,
      reference_workload_failed: out.failedWindows,
      reference_workload_workers: availableParallelism(),
    };
  } finally {
    setLogLevel(level);
    rmSync(dir, { recursive: true, force: true });
  }
}
