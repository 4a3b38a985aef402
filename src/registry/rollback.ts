import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ArtifactError, logger, RegistryError } from '../core/index.js';
import { gitCommit } from '../pipeline/index.js';
import { appendAudit, readAudit, SWITCH_ACTIONS } from './audit-log.js';
import { crashPoint } from './crash-hook.js';
import {
  ARCHIVE,
  assertValidVersion,
  DEFAULT_REGISTRY_ROOT,
  defaultActor,
  productionForSwitch,
  STAGING_PREFIX,
  versionDir,
} from './layout.js';
import { acquireRegistryLock } from './lock.js';
import { verifyVersionDir } from './manifest.js';
import { archivedModelSha, recoverUnderLock } from './recover.js';
import { explainFsError } from './fs-errors.js';
import { switchProduction } from './switch-production.js';
import type { AuditEntry, RollbackResult } from './types.js';

/** Options of rollback. */
export interface RollbackOptions {
  root?: string;
  /** Archived version to restore; default: the version production had before the current one. */
  to?: string;
  dryRun?: boolean;
  reason?: string;
  actor?: string;
}

/**
 * The version that was production before `current`: the `from` of the latest switch that made
 * `current` production. Rolling back twice therefore toggles between the last two versions.
 */
export function previousProduction(entries: AuditEntry[], current: string | null): string | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (SWITCH_ACTIONS.includes(e.action) && e.to === current) return e.from;
  }
  return null;
}

function resolveTarget(root: string, current: string | null, to: string | undefined): string {
  if (to === undefined) {
    const prev = previousProduction(readAudit(root).entries, current);
    if (prev === null) {
      throw new RegistryError('no previous production version in the audit history', [
        {
          path: 'to',
          message: `production is ${current ?? 'empty'}`,
          fix: 'pass --to <version> (see registry status)',
        },
      ]);
    }
    to = prev;
  }
  if (!existsSync(versionDir(root, to))) {
    const archive = join(root, ARCHIVE);
    const known = existsSync(archive)
      ? readdirSync(archive).filter((n) => !n.startsWith(STAGING_PREFIX))
      : [];
    throw new RegistryError(`version ${to} is not in the archive`, [
      {
        path: 'to',
        value: to,
        message: `archived: ${known.sort().join(', ') || 'none'}`,
        fix: 'pick an archived version',
      },
    ]);
  }
  if (to === current) {
    throw new RegistryError(`version ${to} is already production`, [
      { path: 'to', value: to, message: 'nothing to switch' },
    ]);
  }
  return to;
}

function verifyTarget(root: string, to: string): ReturnType<typeof verifyVersionDir> {
  const check = verifyVersionDir(versionDir(root, to));
  if (!check.verified || check.model_sha256 === null) {
    throw new ArtifactError(`archived version ${to} failed checksum verification; production untouched`, [
      ...check.problems.map((p) => ({ path: to, message: p, file: versionDir(root, to) })),
    ]);
  }
  return check;
}

/** Atomically switches production back to the previous (or a given) archived version, after verifying it. */
export function rollback(opts: RollbackOptions = {}): RollbackResult {
  const root = opts.root ?? DEFAULT_REGISTRY_ROOT;
  const reason = opts.reason?.trim() ? opts.reason.trim() : null;
  const actor = opts.actor ?? defaultActor();
  if (opts.to !== undefined) assertValidVersion(opts.to);

  if (opts.dryRun) {
    const from = productionForSwitch(root);
    const to = resolveTarget(root, from, opts.to);
    const check = verifyTarget(root, to);
    const shaFrom = archivedModelSha(root, from);
    return {
      dryRun: true,
      from,
      to,
      reason,
      model_sha256_from: shaFrom,
      model_sha256_to: check.model_sha256!,
      files: check.files,
    };
  }

  const lock = acquireRegistryLock(root, `rollback${opts.to ? ` --to ${opts.to}` : ''}`);
  let switched = false;
  try {
    crashPoint('lock-acquired');
    recoverUnderLock(root, actor);
    crashPoint('after-recover');
    const from = productionForSwitch(root);
    const to = resolveTarget(root, from, opts.to);
    const check = verifyTarget(root, to);
    crashPoint('after-verify');
    lock.assertHeld();
    switchProduction(root, to);
    switched = true;
    crashPoint('before-audit');
    const result: RollbackResult = {
      dryRun: false,
      from,
      to,
      reason,
      model_sha256_from: archivedModelSha(root, from),
      model_sha256_to: check.model_sha256!,
      files: check.files,
    };
    appendAudit(root, {
      action: 'rollback',
      from,
      to,
      reason,
      forced: false,
      actor,
      checksums: { model_sha256_from: result.model_sha256_from, model_sha256_to: result.model_sha256_to },
      git_commit: gitCommit(process.cwd()),
    });
    crashPoint('after-audit');
    logger.info('registry: rolled back', { from, to });
    return result;
  } catch (err) {
    throw explainFsError(err, 'rollback', switched);
  } finally {
    lock.release();
  }
}
