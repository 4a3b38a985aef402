import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, openTempDir } from './cli-process.js';

/**
 * Two symbols × 2023-01-01 … 2024-06-30 in 180-day windows: 8 windows, of which (seeded data) TCS trains
 * two, INFY fails two on a single-class split, and both skip the last two for lack of future bars.
 */
export const MIXED_PARAMS = `data:
  symbols: [TCS, INFY]
  start: "2023-01-01"
  end: "2024-06-30"
teacher:
  oof_folds: 2
  gbdt:
    num_rounds: 20
    early_stopping_rounds: 5
    min_data_in_leaf: 10
student:
  nn:
    epochs: 3
validation:
  bootstrap_samples: 100
`;

/**
 * Three symbols to 2024-07-10, single-class splits only warned about: 12 windows, 9 trained, the last
 * of each symbol (2024-06-24 … 2024-07-10) skipped.
 */
export const TRAINABLE_PARAMS = MIXED_PARAMS.replace('[TCS, INFY]', '[TCS, INFY, ITC]').replace(
  'end: "2024-06-30"',
  'end: "2024-07-10"\n  quality:\n    single_class_split: warn',
);

/** A temp project directory holding `params`. */
export function batchProject(params: string, prefix = 'sq-batch-'): string {
  const cwd = openTempDir(prefix);
  writeFileSync(join(cwd, 'params.yaml'), params);
  return cwd;
}

/** The CLI started asynchronously (to watch or kill it while it runs). */
export function startCli(
  args: string[],
  cwd: string,
): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
} {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...process.env, SENSEQUANT_LOG_LEVEL: 'info', TZ: 'UTC' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const done = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

/** Resolves once `check()` is true (polled every 10 ms), or rejects after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
