import type { AuditMetrics } from './audit-metrics.js';
import type { PhaseTiming } from './run-state.js';

const fmt = (x: number | null | undefined, d = 3): string => (typeof x === 'number' ? x.toFixed(d) : '—');
const pct = (a: number, b: number): string => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);

function timeline(timings: readonly PhaseTiming[]): string[] {
  const rows = timings.map(
    (t, i) =>
      `| Phase ${i + 1}: ${t.phase} | ${t.started} | ${t.ended} | ${t.seconds.toFixed(2)} s | ${t.status} |`,
  );
  const total = timings.reduce((s, t) => s + t.seconds, 0);
  return [
    '| Phase | Start | End | Duration | Status |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    `| **Total** | | | **${total.toFixed(2)} s** | |`,
  ];
}

function stageBlock(name: string, a: AuditMetrics['stages']['teacher']): string[] {
  if (!a) return [];
  const reasons = Object.entries(a.reasons)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  return [
    `### ${name}`,
    '',
    '```',
    `Total windows: ${a.total}`,
    `├─ Success: ${a.success} (${pct(a.success, a.total)})`,
    `├─ Skipped: ${a.skipped} (${pct(a.skipped, a.total)})`,
    `└─ Failed: ${a.failed} (${pct(a.failed, a.total)})`,
    '```',
    '',
    ...(reasons ? [`Reasons: ${reasons}`, ''] : []),
    `Means over successful windows: ${Object.entries(a.means)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(', ')}`,
    '',
  ];
}

/** summary.md of the release audit: timeline (this run's wall clock), counts, skips, statistics. */
export function auditSummaryMarkdown(m: AuditMetrics, timings: readonly PhaseTiming[]): string {
  const st = m.stat_tests;
  const skips = m.not_trained.filter((n) => n.status === 'skipped');
  return [
    `# Release audit — ${m.run_id}`,
    '',
    `Config hash \`${m.config_hash}\`, batch directory \`${m.batch_dir}\`, ${m.symbols.length} symbols, ${m.windows} windows.`,
    '',
    '## Training timeline',
    '',
    ...timeline(timings),
    '',
    '## Windows',
    '',
    ...stageBlock('Teacher training', m.stages.teacher),
    ...stageBlock('Student training', m.stages.student),
    ...stageBlock('Model validation', m.stages.validation),
    ...(skips.length > 0
      ? [
          '### Skipped windows',
          '',
          ...skips
            .slice(0, 50)
            .map((s) => `- \`${s.window_label}\` (${s.stage}): ${s.reason} — ${s.message}`),
          ...(skips.length > 50 ? [`- … ${skips.length - 50} more (metrics.json lists all)`] : []),
          '',
        ]
      : []),
    '## Statistical tests',
    '',
    st
      ? [
          `- validated windows: ${st.windows}; PROMOTE in ${st.promote} (${pct(st.promote, st.windows)})`,
          `- Sharpe uplift vs baseline: mean ${fmt(st.sharpe_uplift.mean)}, median ${fmt(st.sharpe_uplift.median)}; better in ${st.sharpe_uplift.positive}, worse in ${st.sharpe_uplift.negative}`,
          `- sign test (one-sided) p = ${fmt(st.sign_test_p_value, 4)}`,
          `- mean precision uplift ${fmt(st.precision_uplift_mean)}, mean hit-ratio uplift ${fmt(st.hit_ratio_uplift_mean)}`,
          `- windows significant on their own bootstrap: ${st.significant_windows}; measurable (enough trades): ${st.measurable}`,
          `- student − teacher test accuracy: mean ${fmt(st.distillation_accuracy_gap_mean)}`,
        ].join('\n')
      : 'Not run.',
    '',
  ].join('\n');
}
