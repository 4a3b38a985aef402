import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openTempDir, runCli } from './cli-process.js';

/** A small, fast configuration: 3 symbols × 1 year of daily bars, light models. */
export const SMALL_PARAMS = `data:
  symbols: [TCS, INFY, ITC]
  start: "2023-01-01"
  end: "2023-12-31"
teacher:
  oof_folds: 2
  gbdt:
    num_rounds: 20
    early_stopping_rounds: 5
student:
  nn:
    epochs: 3
validation:
  bootstrap_samples: 100
`;

/** A project directory with params.yaml that has run the given DVC stages through the compiled CLI. */
export function fixturePipeline(stages: string[], prefix = 'sq-cli-'): string {
  const cwd = openTempDir(prefix);
  writeFileSync(join(cwd, 'params.yaml'), SMALL_PARAMS);
  for (const s of stages) {
    const r = runCli(['stage', s], { cwd });
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
  }
  return cwd;
}
