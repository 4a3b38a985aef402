import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { validateParams } from '../../src/config/index.js';
import { configHash } from '../../src/pipeline/index.js';
import type { StageContext } from '../../src/stages/index.js';

/** A small but real configuration: 6 symbols × 2 years of daily bars, light models. */
export function smallContext(overrides: Record<string, unknown> = {}): StageContext {
  const base = {
    data: {
      symbols: ['RELIANCE', 'TCS', 'INFY', 'HDFCBANK', 'ICICIBANK', 'ITC'],
      start: '2022-01-01',
      end: '2023-12-31',
    },
    teacher: { gbdt: { num_rounds: 80, early_stopping_rounds: 15 }, oof_folds: 3 },
    student: { nn: { epochs: 15, patience: 4 } },
    validation: { bootstrap_samples: 200 },
  };
  const merged = deepMerge(base, overrides);
  const r = validateParams(merged);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return { params: r.value, configHash: configHash(r.value), file: 'params.yaml', root: process.cwd() };
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const av = a[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && av && typeof av === 'object' && !Array.isArray(av)
        ? deepMerge(av as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

export const tempDir = (prefix = 'sq-it-') => mkdtempSync(join(tmpdir(), prefix));

/** sha256 of every file under `dir`, keyed by relative path. */
export function treeHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

export const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
