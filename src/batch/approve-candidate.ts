import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ArtifactError, ConfigError } from '../core/index.js';
import { RELEASE_FILES, sha256File, writeJsonAtomic } from '../pipeline/index.js';
import { appendAudit, defaultActor } from '../registry/index.js';
import { bundleDir } from './release-audit.js';

/** A recorded human approval of a batch run's release. */
export interface Approval {
  run_id: string;
  approved_by: string;
  reason: string | null;
  when: string;
  bundle: string;
  metrics_sha256: string;
  briefing_sha256: string;
}

/**
 * `approve-candidate <run_id>`: records that a human read the run's promotion briefing and approves it —
 * `approval.json` in `release/audit_<run_id>/` and an `approve-candidate` entry in the registry audit log
 * (`<registryRoot>/audit.jsonl`), both naming the sha256 of the metrics and briefing approved, so a later
 * edit of either is visible. Promotion itself still goes through validate-promotion and promote.
 */
export function approveCandidate(opts: {
  runId: string;
  releaseDir: string;
  registryRoot: string;
  reason?: string;
  actor?: string;
  now?: Date;
}): Approval {
  if (!/^[A-Za-z0-9_.-]+$/.test(opts.runId)) {
    throw new ConfigError('not a run id', [
      {
        path: 'RUN_ID',
        value: opts.runId,
        message: 'letters, digits, _ . - only',
        fix: 'copy the run id from the briefing',
      },
    ]);
  }
  const dir = bundleDir(opts.releaseDir, opts.runId);
  const metrics = join(dir, RELEASE_FILES.metrics);
  const briefing = join(dir, RELEASE_FILES.briefing);
  const missing = [metrics, briefing].filter((f) => !existsSync(f));
  if (missing.length > 0) {
    throw new ArtifactError(
      `no complete release audit for run ${opts.runId}`,
      missing.map((f) => ({
        path: f,
        message: 'missing',
        fix: `run run-historical-training (its phases 6 and 7 write ${dir})`,
      })),
    );
  }
  const approval: Approval = {
    run_id: opts.runId,
    approved_by: opts.actor ?? defaultActor(),
    reason: opts.reason ?? null,
    when: (opts.now ?? new Date()).toISOString(),
    bundle: dir,
    metrics_sha256: sha256File(metrics),
    briefing_sha256: sha256File(briefing),
  };
  writeJsonAtomic(join(dir, RELEASE_FILES.approval), approval);
  appendAudit(opts.registryRoot, {
    action: 'approve-candidate',
    from: null,
    to: null,
    reason: approval.reason,
    forced: false,
    actor: approval.approved_by,
    checksums: { model_sha256_from: null, model_sha256_to: null },
    candidate: dir,
    run_id: opts.runId,
    metrics_sha256: approval.metrics_sha256,
    briefing_sha256: approval.briefing_sha256,
  } as Parameters<typeof appendAudit>[1]);
  return approval;
}
