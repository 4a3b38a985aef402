import { join } from 'node:path';
import { RELEASE_FILES, writeFileAtomic } from '../pipeline/index.js';
import type { WindowRecord } from './ledger.js';
import type { RunState } from './run-state.js';

const fmt = (x: number | null | undefined, d = 3): string => (typeof x === 'number' ? x.toFixed(d) : '—');

/** The latest successfully trained window of each symbol: the run's candidates, one per symbol. */
export function latestCandidates(s: RunState): { student: WindowRecord; validation: WindowRecord | null }[] {
  const validation = new Map((s.records.validation ?? []).map((r) => [r.window_index, r]));
  const bySymbol = new Map<string, WindowRecord>();
  for (const r of s.records.student ?? []) if (r.status === 'success') bySymbol.set(r.symbol, r);
  return [...bySymbol.values()].map((student) => ({
    student,
    validation: validation.get(student.window_index) ?? null,
  }));
}

/**
 * Phase 7: `promotion_briefing.md` in the audit bundle. Status `ready-for-review` when every window
 * trained or was skipped for a stated reason and validation ran; otherwise `needs-attention`. A human
 * reads it and records the decision with `approve-candidate <run_id>`.
 */
export function writePromotionBriefing(s: RunState, bundle: string): RunState['briefing'] {
  const failed = (['teacher', 'student', 'validation'] as const).flatMap((k) =>
    (s.records[k] ?? []).filter((r) => r.status === 'failed'),
  );
  const st = s.stats;
  const status =
    failed.length === 0 && st !== null && st.windows > 0 ? 'ready-for-review' : 'needs-attention';
  const rows = latestCandidates(s).map(
    ({ student, validation }) =>
      `| ${student.symbol} | \`${student.window_label}\` | \`${student.artifacts_path}\` | ${fmt(student.metrics?.accuracy)} | ${validation?.recommendation ?? '—'} |`,
  );
  const text = [
    `# Promotion briefing — ${s.b.runId}`,
    '',
    `**Status: ${status}**`,
    '',
    failed.length > 0
      ? `${failed.length} window(s) failed: see ${RELEASE_FILES.metrics} (not_trained) and the ledgers in \`${s.b.batchDir}\`.`
      : 'No window failed.',
    '',
    '## Evidence',
    '',
    st
      ? [
          `- ${st.windows} windows validated out of sample; PROMOTE in ${st.promote}`,
          `- Sharpe better than the baseline in ${st.sharpe_uplift.positive} windows, worse in ${st.sharpe_uplift.negative} (sign test p = ${fmt(st.sign_test_p_value, 4)})`,
          `- mean Sharpe uplift ${fmt(st.sharpe_uplift.mean)}, mean precision uplift ${fmt(st.precision_uplift_mean)}`,
        ].join('\n')
      : '- no statistical tests ran',
    '',
    '## Candidates (latest trained window per symbol)',
    '',
    '| symbol | window | student | test accuracy | validation |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '## Next steps',
    '',
    '```bash',
    `sensequant approve-candidate ${s.b.runId} --reason "…"   # records the human decision in the audit log`,
    'sensequant validate-promotion <student dir>                # then promote it through the registry',
    '```',
    '',
  ].join('\n');
  writeFileAtomic(join(bundle, RELEASE_FILES.briefing), text);
  return status;
}
