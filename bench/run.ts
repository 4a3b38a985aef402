import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { applySettings } from '../src/config/index.js';
import { logger } from '../src/core/index.js';
import { initTfBackend } from '../src/models/tfjs/index.js';
import { writeJsonAtomic } from '../src/pipeline/index.js';
import { BENCHES } from './figures.js';

const OUT = 'reports/bench.json';

/**
 * `npm run bench [-- name ...]`: runs the benchmarks (all, or the named ones) and merges their figures
 * into reports/bench.json, a flat object of named numbers, plus the machine they ran on.
 */
async function main(): Promise<void> {
  applySettings();
  const only = process.argv.slice(2);
  const unknown = only.filter((n) => !BENCHES.some((b) => b.name === n));
  if (unknown.length > 0) {
    logger.error('unknown benchmark', { unknown, known: BENCHES.map((b) => b.name) });
    process.exitCode = 3;
    return;
  }
  const backend = (await initTfBackend()).backend;
  const figures: Record<string, number | string> = existsSync(OUT)
    ? JSON.parse(readFileSync(OUT, 'utf8'))
    : {};
  for (const b of BENCHES.filter((x) => only.length === 0 || only.includes(x.name))) {
    logger.info('bench start', { bench: b.name, load1: loadavg()[0] });
    const t0 = performance.now();
    const got = await b.run();
    Object.assign(figures, got);
    logger.info('bench done', { bench: b.name, s: Math.round(performance.now() - t0) / 1000, ...got });
  }
  Object.assign(figures, {
    machine_cpus: availableParallelism(),
    machine_cpu_model: cpus()[0]?.model ?? 'unknown',
    machine_load1_at_end: Math.round(loadavg()[0] * 100) / 100,
    node_version: process.versions.node,
    tf_backend: backend,
  });
  writeJsonAtomic(OUT, figures);
  logger.info('bench written', { out: OUT });
}

await main();
