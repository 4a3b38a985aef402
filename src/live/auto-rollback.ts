import { previousProduction, readAudit, readProductionVersion, rollback } from '../registry/index.js';
import { loadActiveStudent } from './active-student.js';
import type { LiveEngine } from './live-engine.js';

/** Outcome of an automatic rollback: what the registry switched and whether the engine serves the result. */
export type AutoRollbackResult =
  | { ok: true; from: string | null; to: string; served: boolean }
  | { ok: false; error: string };

/**
 * Rolls the registry back from the production model the engine serves to the version before it (atomic,
 * verified and audited by the registry's `rollback`), then loads the restored model through the verified
 * loader and serves it. Refused, with the reason, when the engine does not serve the registry's production
 * model (an explicit path or a pinned version is the operator's choice), when production has moved
 * meanwhile, or when the previous version is in `avoid` (this session already rolled back from it for
 * degradation: two degraded models must not be swapped back and forth — that needs a person).
 */
export function autoRollback(
  engine: LiveEngine,
  reason: string,
  actor: string,
  avoid: ReadonlySet<string> = new Set(),
): AutoRollbackResult {
  const student = engine.student;
  const root = engine.config.model.root;
  if (student === null) return { ok: false, error: 'no student is being served' };
  if (student.source !== 'registry:production') {
    return {
      ok: false,
      error: `the engine serves ${student.version} from ${student.source === 'path' ? 'SENSEQUANT_STUDENT_MODEL_PATH' : 'a pinned SENSEQUANT_STUDENT_MODEL_VERSION'}, not the registry production model: roll back by changing the setting`,
    };
  }
  try {
    const current = readProductionVersion(root);
    if (current !== student.version) {
      return {
        ok: false,
        error: `registry production is ${current ?? 'empty'}, not the served ${student.version}: not rolling back`,
      };
    }
    const to = previousProduction(readAudit(root).entries, current);
    if (to !== null && avoid.has(to)) {
      return {
        ok: false,
        error: `the previous version ${to} was rolled back for degradation in this session: alerting only (roll back by hand with rollback --to VERSION)`,
      };
    }
    const r = rollback({ root, reason, actor, ...(to !== null ? { to } : {}) });
    const load = loadActiveStudent({ root, fallbackLabels: engine.config.fallbackLabels });
    let served = false;
    if (load.ok) served = engine.serve(load.student);
    else engine.fallBack(load.issues);
    return { ok: true, from: r.from, to: r.to, served };
  } catch (err) {
    return { ok: false, error: (err as Error).message.split('\n')[0] };
  }
}
