import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { ConfigError } from '../../core/index.js';
import { PATHS } from '../../stages/paths.js';
import { VALIDATION_FILES } from '../../validation/index.js';

const CHECKLIST = 'promotion_checklist.json';

/**
 * The directory to hand to the registry. A student dir from `train-student --validate` already holds its
 * checklist; a DVC-pipeline student keeps it in reports/validation, so the model files and the
 * validation reports are bundled into a temporary dir (the registry then checks that the checklist's
 * candidate_model_sha256 is this model's).
 */
export function candidateBundle(candidateDir: string, checklist?: string): { dir: string; cleanup(): void } {
  // A missing dir is left to the registry's candidate-dir check, which reports it as a failed check.
  if (!existsSync(candidateDir)) return { dir: candidateDir, cleanup: () => {} };
  const inDir = join(candidateDir, CHECKLIST);
  const source = checklist ?? (existsSync(inDir) ? undefined : join(PATHS.validation, CHECKLIST));
  if (source === undefined) return { dir: candidateDir, cleanup: () => {} };
  if (!existsSync(source)) {
    throw new ConfigError(`no promotion checklist for ${candidateDir}`, [
      {
        path: source,
        message: 'not found',
        fix: 'run `npm run repro` (stage validate) or `train-student --validate`, or pass --checklist FILE',
      },
    ]);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'sq-candidate-'));
  const dir = join(tmp, basename(candidateDir) || 'candidate');
  cpSync(candidateDir, dir, { recursive: true });
  // Only the validation reports travel with the model: the reports dir also holds its own
  // metadata.json, which must never replace the student's.
  const reports = dirname(source);
  const names = [
    VALIDATION_FILES.results,
    VALIDATION_FILES.accuracy,
    VALIDATION_FILES.comparison,
    VALIDATION_FILES.perSymbol,
    VALIDATION_FILES.checklistMd,
  ];
  for (const f of names) if (existsSync(join(reports, f))) cpSync(join(reports, f), join(dir, f));
  cpSync(source, join(dir, CHECKLIST));
  return { dir, cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}
