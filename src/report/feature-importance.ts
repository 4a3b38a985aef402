import { join } from 'node:path';
import { READ_LIMITS, readJsonBounded, TEACHER_FILES } from '../pipeline/index.js';
import { baseLayout, COLORS, type Figure, round6 } from './figure.js';

/** One feature's importance in the teacher (feature_importance.json). */
export interface FeatureImportance {
  feature: string;
  gain: number;
  gain_share: number;
  split: number;
}

/** The teacher's feature importances, most important first. */
export function readFeatureImportance(teacherDir: string): FeatureImportance[] {
  const j = readJsonBounded(join(teacherDir, TEACHER_FILES.importance), {
    maxBytes: READ_LIMITS.metadata,
    what: 'feature importance',
    fix: 're-run the teacher stage',
  }) as { features: FeatureImportance[] };
  return [...j.features].sort((a, b) => b.gain_share - a.gain_share);
}

/** Horizontal bars of the gain share per feature (largest on top), split counts on hover. */
export function featureImportanceFigure(
  rows: readonly FeatureImportance[],
  title = 'Teacher feature importance (share of total split gain)',
): Figure {
  const r = [...rows].reverse();
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        x: r.map((f) => round6(f.gain_share)),
        y: r.map((f) => f.feature),
        text: r.map((f) => `${f.split} splits`),
        hovertemplate: '%{y}: %{x:.1%} of gain, %{text}<extra></extra>',
        marker: { color: COLORS.teacher },
      },
    ],
    layout: baseLayout(title, {
      height: Math.max(360, 22 * rows.length + 100),
      margin: { l: 140, r: 20, t: 60, b: 50 },
      xaxis: { tickformat: '.0%', title: { text: 'share of gain' } },
      showlegend: false,
    }),
  };
}
