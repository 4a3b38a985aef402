import { approveCandidate } from '../../batch/index.js';
import { ConfigError } from '../../core/index.js';
import { PATHS } from '../../pipeline/index.js';
import { DEFAULT_REGISTRY_ROOT } from '../../registry/index.js';
import { print } from '../args.js';
import type { FlagValues } from '../flag-spec.js';
import type { APPROVE_FLAGS } from './batch-flags.js';
import type { Command } from './types.js';

/** `approve-candidate RUN_ID`: records a human approval of a run's release audit. */
export const approveCandidateCommand: Command = {
  run(flags) {
    const values = flags.values as FlagValues<typeof APPROVE_FLAGS>;
    const runId = flags.positionals[0];
    if (!runId)
      throw new ConfigError('missing run id', [
        {
          path: 'RUN_ID',
          message: 'required',
          fix: 'sensequant approve-candidate RUN_ID (the run id of the briefing)',
        },
      ]);
    const a = approveCandidate({
      runId,
      releaseDir: values['release-dir'] ?? PATHS.release,
      registryRoot: values.root ?? DEFAULT_REGISTRY_ROOT,
      reason: values.reason,
      actor: values.approver,
    });
    print(
      `approved ${a.run_id} by ${a.approved_by} (${a.bundle}/approval.json, audit log ${values.root ?? DEFAULT_REGISTRY_ROOT}/audit.jsonl)`,
    );
    return 0;
  },
};
