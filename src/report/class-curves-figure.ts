import { precisionRecallCurve, rocAuc, rocCurve } from '../eval/index.js';
import { CLASSES, NUM_CLASSES } from '../labels/index.js';
import { baseLayout, COLORS, type Figure, rounded } from './figure.js';

/** Probabilities of one model (row-major n × 3) to draw per-class curves for. */
export interface ModelProba {
  name: string;
  proba: Float64Array;
}

const MAX_POINTS = 200;

function columns(y: Int32Array, proba: Float64Array, k: number) {
  const n = y.length;
  return {
    score: Float64Array.from({ length: n }, (_, i) => proba[i * NUM_CLASSES + k]),
    positive: Uint8Array.from(y, (c) => (c === k ? 1 : 0)),
  };
}

function grid(title: string, xTitle: string, yTitle: string): Record<string, unknown> {
  const axes: Record<string, unknown> = {};
  CLASSES.forEach((c, k) => {
    const s = k === 0 ? '' : String(k + 1);
    axes[`xaxis${s}`] = {
      domain: [k / 3 + 0.02, (k + 1) / 3 - 0.02],
      range: [0, 1],
      title: { text: `${xTitle} — ${c}` },
    };
    axes[`yaxis${s}`] = {
      anchor: `x${s}`,
      range: [0, 1.02],
      ...(k === 0 ? { title: { text: yTitle } } : {}),
    };
  });
  return baseLayout(title, { height: 440, ...axes });
}

const dash = (i: number) => (i === 0 ? 'solid' : 'dash');
const colorOf = (name: string) => (COLORS as Record<string, string>)[name] ?? COLORS.other;

/** One-vs-rest ROC curve per class (one panel each), a line per model with its AUC, and the chance diagonal. */
export function rocFigure(y: Int32Array, models: readonly ModelProba[]): Figure {
  const data: Record<string, unknown>[] = [];
  CLASSES.forEach((c, k) => {
    const s = k === 0 ? '' : String(k + 1);
    data.push({
      type: 'scatter',
      mode: 'lines',
      x: [0, 1],
      y: [0, 1],
      xaxis: `x${s}`,
      yaxis: `y${s}`,
      line: { color: COLORS.neutral, dash: 'dot' },
      showlegend: false,
      hoverinfo: 'skip',
    });
    models.forEach((m, i) => {
      const { score, positive } = columns(y, m.proba, k);
      const pts = rocCurve(score, positive, { maxPoints: MAX_POINTS });
      data.push({
        type: 'scatter',
        mode: 'lines',
        name: `${m.name} ${c} (AUC ${rocAuc(score, positive).toFixed(3)})`,
        x: rounded(pts.map((p) => p.fpr)),
        y: rounded(pts.map((p) => p.tpr)),
        xaxis: `x${s}`,
        yaxis: `y${s}`,
        line: { color: colorOf(m.name), dash: dash(i) },
      });
    });
  });
  return { data, layout: grid('ROC per class (one-vs-rest)', 'false positive rate', 'true positive rate') };
}

/** Precision–recall per class, a line per model with its average precision, and the class base rate. */
export function precisionRecallFigure(y: Int32Array, models: readonly ModelProba[]): Figure {
  const data: Record<string, unknown>[] = [];
  CLASSES.forEach((c, k) => {
    const s = k === 0 ? '' : String(k + 1);
    const base = y.reduce((a, v) => a + (v === k ? 1 : 0), 0) / Math.max(1, y.length);
    data.push({
      type: 'scatter',
      mode: 'lines',
      x: [0, 1],
      y: [base, base],
      xaxis: `x${s}`,
      yaxis: `y${s}`,
      line: { color: COLORS.neutral, dash: 'dot' },
      name: `${c} base rate ${base.toFixed(3)}`,
    });
    models.forEach((m, i) => {
      const { score, positive } = columns(y, m.proba, k);
      const pr = precisionRecallCurve(score, positive, { maxPoints: MAX_POINTS });
      data.push({
        type: 'scatter',
        mode: 'lines',
        name: `${m.name} ${c} (AP ${pr.averagePrecision.toFixed(3)})`,
        x: rounded(pr.points.map((p) => p.recall)),
        y: rounded(pr.points.map((p) => p.precision)),
        xaxis: `x${s}`,
        yaxis: `y${s}`,
        line: { color: colorOf(m.name), dash: dash(i), shape: 'hv' },
      });
    });
  });
  return {
    data,
    layout: grid('Precision–recall per class (area = average precision)', 'recall', 'precision'),
  };
}
