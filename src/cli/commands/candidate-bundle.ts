import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { ConfigError } from '../../core/index.js';
import { PATHS } from '../../stages/paths.js';

const CHECKLIST = 'promotion_checklist.json';

/**
 * The directory to hand to the registry. A student dir from `train-student --validate` already holds its
 * checklist; a DVC-pipeline student keeps it in reports/validation, so the model files and the
 * validation reports are bundled into a temporary dir (the registry then checks that the checklist's
 * candidate_model_sha256 is this model's).
 */
export function candidateBundle(candidateDir: string, checklist?: string): { dir: string; cleanup(): void } {
  const inDir = join(candidateDir, CHECKLIST);
  const source = checklist ?? (existsSync(inDir) ? undefined : join(PATHS.validation, CHECKLIST));
  if (source === undefined) return { dir: candidateDir, cleanup: () => {} };
  if (!existsSync(source)) {
    throw new ConfigError(`no promotion checklist for ${candidateDir}`, [
      { path: source, message: 'not found', fix: 'run `npm run repro` (stage validate) or `train-student --validate`, or pass --checklist FILE' },
    ]);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'sq-candidate-'));
  const dir = join(tmp, basename(candidateDir) || 'candidate');
  cpSync(candidateDir, dir, { recursive: true });
  const reports = dirname(source);
  for (const f of readdirSync(reports)) {
    if (f.endsWith('.json') || f.endsWith('.md')) cpSync(join(reports, f), join(dir, f));
  }
  return { dir, cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}
