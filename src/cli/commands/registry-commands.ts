import { ConfigError, ValidationRejectedError } from '../../core/index.js';
import {
  breakStaleLock,
  DEFAULT_REGISTRY_ROOT,
  promote,
  registryStatus,
  rollback,
  validatePromotion,
} from '../../registry/index.js';
import { print } from '../args.js';
import type { FlagValues } from '../flag-spec.js';
import { candidateBundle } from './candidate-bundle.js';
import type {
  PROMOTE_FLAGS,
  REGISTRY_FLAGS,
  ROLLBACK_FLAGS,
  VALIDATE_PROMOTION_FLAGS,
} from './registry-flags.js';
import type { Command } from './types.js';

const json = (v: unknown) => print(JSON.stringify(v, null, 2));

function checksTable(checks: { name: string; pass: boolean; detail: string }[]): string {
  return checks.map((c) => `${c.pass ? 'PASS' : 'FAIL'}  ${c.name.padEnd(26)} ${c.detail}`).join('\n');
}

function candidateDir(positionals: string[], command: string): string {
  const dir = positionals[0];
  if (!dir)
    throw new ConfigError('missing candidate directory', [
      { path: 'DIR', message: 'required', fix: `sensequant ${command} DIR (see --help)` },
    ]);
  return dir;
}

/** Runs `fn` on the candidate bundled with its checklist, removing any temporary bundle afterwards. */
function withCandidate(
  dir: string,
  checklist: string | undefined,
  root: string,
  fn: (bundled: string) => number,
): number {
  const bundle = candidateBundle(dir, checklist, root);
  try {
    return fn(bundle.dir);
  } finally {
    bundle.cleanup();
  }
}

/** `validate-promotion DIR`: exit 0 when the candidate can be promoted, 2 when it cannot. */
export const validatePromotionCommand: Command = {
  run(flags) {
    const values = flags.values as FlagValues<typeof VALIDATE_PROMOTION_FLAGS>;
    const dir = candidateDir(flags.positionals, 'validate-promotion');
    return withCandidate(dir, values.checklist, values.root ?? DEFAULT_REGISTRY_ROOT, (bundled) => {
      const report = validatePromotion(bundled);
      if (values.json) json(report);
      else
        print(
          `${checksTable(report.checks)}\n\n${report.canPromote ? 'can promote' : 'cannot promote'}: ${dir}`,
        );
      return report.canPromote ? 0 : 2;
    });
  },
};

/** `promote DIR`: archive current production and switch atomically. */
export const promoteCommand: Command = {
  run(flags) {
    const values = flags.values as FlagValues<typeof PROMOTE_FLAGS>;
    const dir = candidateDir(flags.positionals, 'promote');
    return withCandidate(dir, values.checklist, values.root ?? DEFAULT_REGISTRY_ROOT, (bundled) => {
      const r = promote(bundled, {
        sourceDir: dir,
        root: values.root ?? DEFAULT_REGISTRY_ROOT,
        version: values.version,
        dryRun: values['dry-run'],
        force: values.force,
        reason: values.reason,
        actor: values.actor,
      });
      print(
        `${values['dry-run'] ? '[dry run] would promote' : 'promoted'} ${r.to}${r.from ? ` (was ${r.from})` : ''}${r.forced ? ` FORCED: ${r.reason}` : ''}`,
      );
      return 0;
    });
  },
};

/** `rollback`: restore the previous production model, or `--to VERSION`. */
export const rollbackCommand: Command = {
  run(flags) {
    const values = flags.values as FlagValues<typeof ROLLBACK_FLAGS>;
    const r = rollback({
      root: values.root ?? DEFAULT_REGISTRY_ROOT,
      to: values.to,
      dryRun: values['dry-run'],
      reason: values.reason,
      actor: values.actor,
    });
    print(
      `${values['dry-run'] ? '[dry run] would roll back' : 'rolled back'} ${r.from ?? '(none)'} → ${r.to}`,
    );
    return 0;
  },
};

/** `registry status|unlock`. */
export const registryCommand: Command = {
  run(flags) {
    const values = flags.values as FlagValues<typeof REGISTRY_FLAGS>;
    const positionals = flags.positionals;
    const root = values.root ?? DEFAULT_REGISTRY_ROOT;
    if (positionals[0] === 'unlock') {
      const r = breakStaleLock(root, { otherHost: values['other-host'] as boolean });
      print(r.removed ? 'stale lock removed' : 'no lock to remove');
      return 0;
    }
    if (positionals[0] !== 'status')
      throw new ConfigError(`unknown registry action "${positionals[0] ?? ''}"`, [
        {
          path: 'ACTION',
          value: positionals[0],
          message: 'not status or unlock',
          fix: 'sensequant registry status|unlock',
        },
      ]);
    const s = registryStatus(root);
    if (values.json) {
      json(s);
    } else {
      const p = s.production;
      print(
        [
          `production: ${p ? `${p.version} (sha256 ${p.model_sha256?.slice(0, 12)}…, ${p.verified ? 'verified' : `NOT VERIFIED: ${p.problems.join('; ')}`})` : 'none'}`,
          `archive:    ${s.archive.map((v) => `${v.version}${v.verified ? '' : ` (CORRUPT: ${v.problems.join('; ')})`}`).join(', ') || 'empty'}`,
          `production pointer: ${s.productionProblems.join('; ') || 'ok'}`,
          `lock:       ${s.lock.state}${'fix' in s.lock && s.lock.fix ? ` — ${s.lock.fix}` : ''}`,
          `leftovers:  ${s.leftovers.join(', ') || 'none'}`,
          `last:       ${s.lastAction ? `${s.lastAction.action} ${s.lastAction.from ?? '∅'} → ${s.lastAction.to ?? '∅'} at ${s.lastAction.when}` : 'none'}`,
        ].join('\n'),
      );
    }
    return s.productionProblems.length > 0 || (s.production !== null && !s.production.verified) ? 1 : 0;
  },
};

export { ValidationRejectedError };
