import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ConfigError } from '../../core/index.js';
import { ensureDir, PATHS, READ_LIMITS, readFileBounded, VALIDATION_FILES } from '../../pipeline/index.js';
import { CANDIDATE_TMP_PREFIX } from '../../registry/index.js';

const CHECKLIST = VALIDATION_FILES.checklistJson;

/**
 * The directory to hand to the registry. A student dir from `train-student --validate` already holds its
 * checklist; a DVC-pipeline student keeps it in reports/validation, so the model files and the
 * validation reports are bundled into a temporary dir (the registry then checks that the checklist's
 * candidate_model_sha256 is this model's).
 */
export function candidateBundle(
  candidateDir: string,
  checklist: string | undefined,
  root: string,
): { dir: string; cleanup(): void } {
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
  // Inside the registry root, named by our pid: if this process is killed, the next registry operation
  // (under the lock) removes it once the pid is gone.
  ensureDir(root, 'registry root');
  const tmp = mkdtempSync(join(root, `${CANDIDATE_TMP_PREFIX}${process.pid}-`));
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
  // The checklist is copied from what a bounded read of a regular file returned (never a FIFO or a 5 GB file).
  writeFileSync(
    join(dir, CHECKLIST),
    readFileBounded(source, {
      maxBytes: READ_LIMITS.checklist,
      what: 'promotion checklist',
      error: ConfigError,
    }),
  );
  return { dir, cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}
