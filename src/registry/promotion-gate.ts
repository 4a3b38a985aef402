import { ValidationRejectedError } from '../core/index.js';
import { appendAudit } from './audit-log.js';
import { safeProductionVersion } from './layout.js';
import { archivedModelSha } from './recover.js';
import type { ValidationReport } from './types.js';
import { INTEGRITY_CHECKS, validatePromotion } from './validate-promotion.js';

/**
 * Validates a candidate and throws ValidationRejectedError (after logging the refusal) when a check
 * blocks it; `forced` waives every check except the integrity ones.
 */
export function gateCandidate(
  root: string,
  candidateDir: string,
  opts: { forced: boolean; actor: string; logRefusal: boolean; source?: string },
): ValidationReport {
  const report = validatePromotion(candidateDir);
  const failed = report.checks.filter((c) => !c.pass);
  const blocking = opts.forced ? failed.filter((c) => INTEGRITY_CHECKS.includes(c.name)) : failed;
  if (blocking.length === 0) return report;
  if (opts.logRefusal) {
    // Appended without the lock: a single small O_APPEND write cannot interleave with others.
    const from = safeProductionVersion(root);
    appendAudit(root, {
      action: 'promote-refused',
      from,
      to: null,
      reason: blocking.map((c) => `${c.name}: ${c.detail}`).join('; '),
      forced: opts.forced,
      actor: opts.actor,
      checksums: { model_sha256_from: archivedModelSha(root, from), model_sha256_to: null },
      candidate: opts.source ?? candidateDir,
    });
  }
  throw new ValidationRejectedError(
    `candidate ${candidateDir} failed promotion checks`,
    blocking.map((c) => ({
      code: `registry.check.${c.name}`,
      path: c.name,
      message: c.detail,
      file: candidateDir,
      fix: INTEGRITY_CHECKS.includes(c.name)
        ? 'rebuild the candidate'
        : 'fix the candidate, or --force with --reason',
    })),
  );
}
