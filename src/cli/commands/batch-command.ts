import { join } from 'node:path';
import {
  type BatchOptions,
  type BatchOutcome,
  loadBatchContext,
  type Phase,
  runBatch,
} from '../../batch/index.js';
import { ConfigError, type Issue } from '../../core/index.js';
import { BATCH_FILES, PATHS, READ_LIMITS, readTextBounded } from '../../pipeline/index.js';
import { print } from '../args.js';
import { EXIT } from '../exit-codes.js';
import { flagOverrides } from '../flag-overrides.js';
import type { FlagValues } from '../flag-spec.js';
import type { HISTORICAL_FLAGS, TRAIN_BATCH_FLAGS } from './batch-flags.js';

type Values = FlagValues<typeof TRAIN_BATCH_FLAGS> & Partial<FlagValues<typeof HISTORICAL_FLAGS>>;

const bad = (path: string, value: unknown, message: string, fix: string): never => {
  const issue: Issue = { path, value, message, fix };
  throw new ConfigError(`invalid ${path}`, [issue]);
};

/** Symbols of `--symbols-file`: one per line, blank lines and `#` comments ignored. */
export function readSymbolsFile(file: string): string[] {
  const text = readTextBounded(file, {
    maxBytes: READ_LIMITS.params,
    what: 'symbols file',
    error: ConfigError,
    fix: 'pass a text file with one symbol per line',
  });
  const symbols = text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l !== '');
  if (symbols.length === 0) bad('--symbols-file', file, 'lists no symbol', 'write one symbol per line');
  return symbols;
}

/** Batch options from the command's flags (params from --params with the overriding flags merged in). */
export function batchOptionsFromFlags(
  table: typeof HISTORICAL_FLAGS | typeof TRAIN_BATCH_FLAGS,
  values: Values,
  phases: readonly Phase[],
): BatchOptions {
  const { overrides, sources } = flagOverrides(table, values);
  if (values['symbols-file'] !== undefined) {
    if (values.symbols !== undefined)
      bad('--symbols-file', values['symbols-file'], 'given together with --symbols', 'use one of the two');
    const data = (overrides.data ?? {}) as Record<string, unknown>;
    overrides.data = { ...data, symbols: readSymbolsFile(values['symbols-file'] as string) };
    sources['data.symbols'] = '--symbols-file';
  }
  const ctx = loadBatchContext(values.params ?? 'params.yaml', overrides, sources);
  const workers = values.workers;
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 256))
    bad('--workers', workers, 'must be a whole number from 1 to 256', 'e.g. --workers 2');
  const queue = values.queue;
  if (queue !== undefined && !/^rediss?:\/\/[^/\s]+/.test(queue))
    bad('--queue', queue, 'is not a Redis URL', 'e.g. --queue redis://127.0.0.1:6379');
  const telemetry = values['enable-telemetry'] || values['telemetry-dir'] !== undefined;
  return {
    ctx,
    phases,
    runId: values['run-id'],
    batchDir: values['batch-dir'],
    skipFetch: values['skip-fetch'],
    rawDir: values['raw-dir'],
    workers,
    queue,
    telemetryDir: telemetry ? (values['telemetry-dir'] ?? PATHS.telemetry) : null,
    releaseDir: values['release-dir'],
  };
}

/** Prints what a batch did (stdout) and returns its exit code: 1 when a window failed, else 0. */
export function reportBatch(out: BatchOutcome): number {
  const lines = [`run ${out.runId}: ${out.windows} windows in ${out.batchDir}`];
  for (const [stage, c] of Object.entries(out.counts)) {
    const reasons = Object.entries(c.reasons)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    lines.push(
      `  ${stage.padEnd(10)} ${c.success} success, ${c.skipped} skipped, ${c.failed} failed${reasons ? ` (${reasons})` : ''}`,
    );
  }
  lines.push(
    `  ledgers    ${join(out.batchDir, BATCH_FILES.teacherRuns)}, ${join(out.batchDir, BATCH_FILES.studentRuns)}`,
  );
  if (out.telemetryFile) lines.push(`  telemetry  ${out.telemetryFile}`);
  if (out.bundleDir) lines.push(`  audit      ${out.bundleDir} (briefing: ${out.briefing})`);
  const total = out.timings.reduce((s, t) => s + t.seconds, 0);
  lines.push(
    `  time       ${total.toFixed(2)} s (${out.timings.map((t) => `${t.phase} ${t.seconds.toFixed(2)}`).join(', ')})`,
  );
  print(lines.join('\n'));
  return out.failedWindows > 0 ? EXIT.FAILURE : EXIT.OK;
}

/** Runs a batch command end to end. */
export async function runBatchCommand(
  table: typeof HISTORICAL_FLAGS | typeof TRAIN_BATCH_FLAGS,
  values: Values,
  phases: readonly Phase[],
): Promise<number> {
  return reportBatch(await runBatch(batchOptionsFromFlags(table, values, phases)));
}
