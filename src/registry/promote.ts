/*
 * Promotion and the atomic switch.
 *
 * Layout: every version lives, complete and immutable, in `<root>/archive/<version>/` (model files,
 * model_version.txt, registry_entry.json and MANIFEST.sha256 over all of them). `<root>/production`
 * is a relative symlink to `archive/<version>`. So "archiving the current production model" is
 * free: it already is in the archive, and switching never copies or deletes a model.
 *
 * Steps of promote, and what a crash after each leaves:
 *   1. take `.registry.lock` (O_EXCL)             → stale lock only
 *   2. remove leftovers, log unlogged switches     → as before
 *   3. copy into `archive/.staging-<v>-<pid>-<rnd>`, fsync every file and dir
 *                                                  → temp dir only; production still old
 *   4. rename the temp dir to `archive/<v>`, fsync `archive/` → a complete extra version; production old
 *   5. re-verify `archive/<v>` against its manifest → as 4
 *   6. symlink `.production.tmp-*` → `archive/<v>`, rename(2) it over `production`, fsync root
 *      rename(2) replaces the link atomically      → production old (+ temp link) or new, never half
 *   7. append to audit.jsonl (O_APPEND, fsync)     → new production; if the append is lost,
 *      the next locked operation notices production ≠ audit and appends a `recover` entry.
 *   8. release the lock.
 * In-process failures release the lock (finally) but leave temp paths, exactly as a process death
 * would; the next promote/rollback removes them under the lock, and registryStatus reports them.
 * A process death leaves the lock too: status reports it `stale` (pid gone), promote/rollback
 * refuse with the fix, and `breakStaleLock` (`registry unlock`) removes it.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ArtifactError, ConfigError, logger, RegistryError } from '../core/index.js';
import { gitCommit, sha256File } from '../pipeline/index.js';
import { explainFsError } from './fs-errors.js';
import { appendAudit } from './audit-log.js';
import { crashPoint } from './crash-hook.js';
import {
  assertValidVersion,
  DEFAULT_REGISTRY_ROOT,
  defaultActor,
  MODEL_FILE,
  productionForSwitch,
  versionDir,
} from './layout.js';
import { acquireRegistryLock } from './lock.js';
import { verifyVersionDir } from './manifest.js';
import { gateCandidate } from './promotion-gate.js';
import { archivedModelSha, recoverUnderLock } from './recover.js';
import { resolveVersion } from './resolve-version.js';
import { candidateFiles, stageVersion } from './stage-version.js';
import { switchProduction } from './switch-production.js';
import type { PromotionResult } from './types.js';

/** Options of promote. */
export interface PromoteOptions {
  root?: string;
  version?: string;
  /** Promote despite failed checks (never despite integrity checks); needs `reason`. */
  force?: boolean;
  reason?: string;
  dryRun?: boolean;
  actor?: string;
  /** Promotion time used to derive the version id (default now). */
  now?: Date;
  /** The candidate dir the user named, recorded in the audit log and registry_entry.json (default candidateDir). */
  sourceDir?: string;
}

/** Validates a candidate, stages it in the archive and atomically makes it production. */
export function promote(candidateDir: string, opts: PromoteOptions = {}): PromotionResult {
  const root = opts.root ?? DEFAULT_REGISTRY_ROOT;
  const forced = opts.force === true;
  const reason = opts.reason?.trim() ? opts.reason.trim() : null;
  const actor = opts.actor ?? defaultActor();
  if (forced && reason === null) {
    throw new ConfigError('a forced promotion needs a reason', [
      {
        path: 'reason',
        message: 'force given without a non-empty reason',
        fix: 'add --reason "<why this is safe>"',
      },
    ]);
  }
  if (opts.version !== undefined) assertValidVersion(opts.version);

  const source = opts.sourceDir ?? candidateDir;
  const commit = gitCommit(process.cwd());
  const report = gateCandidate(root, candidateDir, { forced, actor, logRefusal: !opts.dryRun, source });
  const modelSha = sha256File(join(candidateDir, MODEL_FILE));
  const now = opts.now ?? new Date();

  if (opts.dryRun) {
    const from = productionForSwitch(root);
    const { version } = resolveVersion(root, candidateDir, opts.version, modelSha, now);
    assertNotCurrent(version, from);
    return {
      ...base(root, version, from, forced, reason, modelSha, report.checks),
      dryRun: true,
      files: candidateFiles(candidateDir),
      reusedStaged: false,
    };
  }

  const lock = acquireRegistryLock(root, `promote ${source}`);
  let switched = false;
  try {
    crashPoint('lock-acquired');
    recoverUnderLock(root, actor);
    crashPoint('after-recover');
    const from = productionForSwitch(root);
    const { version, reuse } = resolveVersion(root, candidateDir, opts.version, modelSha, now);
    assertNotCurrent(version, from);
    if (!reuse) {
      stageVersion(
        root,
        candidateDir,
        {
          version,
          staged_at: now.toISOString(),
          git_commit: commit,
          model_sha256: modelSha,
          forced,
          reason,
          actor,
        },
        source,
      );
    }
    const check = verifyVersionDir(versionDir(root, version));
    if (!check.verified || check.model_sha256 !== modelSha) {
      // Never production and never valid: removing it loses nothing.
      if (!reuse) rmSync(versionDir(root, version), { recursive: true, force: true });
      throw new ArtifactError(`staged version ${version} failed verification; production untouched`, [
        ...check.problems.map((p) => ({ path: version, message: p })),
        ...(check.model_sha256 === modelSha
          ? []
          : [{ path: 'model_sha256', message: 'candidate changed while staging' }]),
      ]);
    }
    crashPoint('after-verify');
    lock.assertHeld();
    switchProduction(root, version);
    switched = true;
    crashPoint('before-audit');
    const result: PromotionResult = {
      ...base(root, version, from, forced, reason, modelSha, report.checks),
      dryRun: false,
      files: check.files,
      reusedStaged: reuse,
    };
    appendAudit(root, {
      action: 'promote',
      from,
      to: version,
      reason,
      forced,
      actor,
      checksums: { model_sha256_from: result.model_sha256_from, model_sha256_to: modelSha },
      candidate: source,
      git_commit: commit,
    });
    crashPoint('after-audit');
    logger.info('registry: promoted', { from, to: version, forced });
    return result;
  } catch (err) {
    throw explainFsError(err, 'promote', switched);
  } finally {
    lock.release();
  }
}

function base(
  root: string,
  version: string,
  from: string | null,
  forced: boolean,
  reason: string | null,
  modelSha: string,
  checks: PromotionResult['checks'],
): Omit<PromotionResult, 'dryRun' | 'files' | 'reusedStaged'> {
  return {
    version,
    from,
    to: version,
    forced,
    reason,
    model_sha256_from: archivedModelSha(root, from),
    model_sha256_to: modelSha,
    checks,
    archiveDir: versionDir(root, version),
  };
}

function assertNotCurrent(version: string, from: string | null): void {
  if (version === from) {
    throw new RegistryError(`version ${version} is already production`, [
      { path: 'version', value: version, message: 'nothing to switch', fix: 'choose another --version' },
    ]);
  }
}
