import { type CalibrationBin, calibrationCurve, expectedCalibrationError } from '../eval/index.js';
import { NUM_CLASSES } from '../labels/index.js';
import { baseLayout, COLORS, type Figure, round6 } from './figure.js';

/** A model's reliability curve and ECE on some rows. */
export interface Reliability {
  name: string;
  bins: CalibrationBin[];
  ece: number;
}

/** Top-label reliability (15 equal-width confidence bins) and ECE of row-major n × 3 probabilities. */
export function reliability(name: string, y: Int32Array, proba: Float64Array): Reliability {
  return {
    name,
    bins: calibrationCurve(y, proba, NUM_CLASSES),
    ece: expectedCalibrationError(y, proba, NUM_CLASSES),
  };
}

/**
 * Reliability diagram: accuracy against mean confidence per bin for each model, the perfect diagonal, and
 * the rows per bin as bars on a second axis; the ECE of each model is in its legend entry.
 */
export function reliabilityFigure(models: readonly Reliability[]): Figure {
  const color = (name: string) => (COLORS as Record<string, string>)[name] ?? COLORS.other;
  const data: Record<string, unknown>[] = [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'perfect calibration',
      x: [0, 1],
      y: [0, 1],
      line: { color: COLORS.neutral, dash: 'dash' },
    },
  ];
  for (const m of models) {
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      name: `${m.name} (ECE ${m.ece.toFixed(4)})`,
      x: m.bins.map((b) => round6(b.confidence)),
      y: m.bins.map((b) => round6(b.accuracy)),
      text: m.bins.map((b) => `${b.count} rows`),
      line: { color: color(m.name) },
    });
    data.push({
      type: 'bar',
      name: `${m.name}: rows per bin`,
      x: m.bins.map((b) => round6((b.lower + b.upper) / 2)),
      y: m.bins.map((b) => b.count),
      yaxis: 'y2',
      opacity: 0.25,
      marker: { color: color(m.name) },
      width: 1 / 15 / Math.max(1, models.length),
    });
  }
  return {
    data,
    layout: baseLayout('Reliability diagram (top-label confidence, 15 bins)', {
      height: 480,
      barmode: 'group',
      xaxis: { title: { text: 'mean confidence' }, range: [0, 1] },
      yaxis: { title: { text: 'accuracy' }, range: [0, 1] },
      yaxis2: { title: { text: 'rows' }, overlaying: 'y', side: 'right', showgrid: false },
    }),
  };
}
