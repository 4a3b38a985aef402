import { argmaxLabels, confusionMatrix } from '../eval/index.js';
import { CLASSES, NUM_CLASSES } from '../labels/index.js';
import { baseLayout, type Figure } from './figure.js';
import type { ModelProba } from './class-curves-figure.js';

/**
 * Confusion heatmaps side by side (one per model): rows actual, columns predicted (argmax), each cell
 * showing its count and its share of the actual class; colour is that share, so models compare directly.
 */
export function confusionFigure(y: Int32Array, models: readonly ModelProba[]): Figure {
  const data: Record<string, unknown>[] = [];
  const axes: Record<string, unknown> = {};
  const w = 1 / models.length;
  models.forEach((m, i) => {
    const cm = confusionMatrix(y, argmaxLabels(m.proba, NUM_CLASSES), NUM_CLASSES);
    const counts = CLASSES.map((_, a) => CLASSES.map((__, p) => cm[a][p]));
    const share = counts.map((r) => {
      const t = r.reduce((s, v) => s + v, 0);
      return r.map((v) => (t > 0 ? v / t : 0));
    });
    const s = i === 0 ? '' : String(i + 1);
    data.push({
      type: 'heatmap',
      x: [...CLASSES],
      y: [...CLASSES],
      z: share,
      zmin: 0,
      zmax: 1,
      colorscale: [
        [0, '#f7fbff'],
        [1, '#08519c'],
      ],
      showscale: i === models.length - 1,
      text: counts.map((r, a) => r.map((v, p) => `${v}<br>${(100 * share[a][p]).toFixed(1)}%`)),
      texttemplate: '%{text}',
      hovertemplate: `${m.name}: actual %{y}, predicted %{x}: %{text}<extra></extra>`,
      xaxis: `x${s}`,
      yaxis: `y${s}`,
    });
    axes[`xaxis${s}`] = {
      domain: [i * w + 0.04, (i + 1) * w - 0.04],
      title: { text: `${m.name}: predicted` },
      type: 'category',
    };
    axes[`yaxis${s}`] = {
      anchor: `x${s}`,
      autorange: 'reversed',
      type: 'category',
      ...(i === 0 ? { title: { text: 'actual' } } : {}),
    };
  });
  return {
    data,
    layout: baseLayout('Confusion matrices on the test split (count and share of the actual class)', {
      height: 420,
      ...axes,
    }),
  };
}
