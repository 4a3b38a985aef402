/** One point of a rolling-metric history (the live engine's rolling_metrics.jsonl lines). */
export interface RollingPoint {
  time: string;
  precision: number | null;
  hit_ratio: number | null;
  model_version?: string | null;
}

/** Validation metrics of the model the points belong to (the promoted model's checklist). */
export interface ValidationLevels {
  precision: number | null;
  hit_ratio: number | null;
}

/** A marker on the time axis (an alert or a rollback). */
export interface TimeMarker {
  time: string;
  label: string;
  kind: 'alert' | 'rollback';
}

/** A plotly figure as plain data: `Plotly.react(div, fig.data, fig.layout)`. */
export interface PlotlyFigure {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
}

const PRECISION = '#1f77b4';
const HIT = '#2ca02c';

/**
 * Rolling precision (LONG) and hit ratio of the live student against the validation levels of the served
 * model (dashed), with alerts (dotted orange) and rollbacks (solid red) as vertical lines. Plain JSON, so
 * the dashboard, notebooks and tests share one spec.
 */
export function rollingMetricsFigure(
  points: readonly RollingPoint[],
  validation: ValidationLevels | null,
  markers: readonly TimeMarker[] = [],
): PlotlyFigure {
  const x = points.map((p) => p.time);
  const line = (name: string, y: (number | null)[], color: string) => ({
    type: 'scatter',
    mode: 'lines',
    name,
    x,
    y,
    line: { color, width: 2 },
    connectgaps: false,
  });
  const data: Record<string, unknown>[] = [
    line(
      'rolling precision (LONG)',
      points.map((p) => p.precision),
      PRECISION,
    ),
    line(
      'rolling hit ratio',
      points.map((p) => p.hit_ratio),
      HIT,
    ),
  ];
  const span = x.length > 0 ? [x[0], x[x.length - 1]] : [];
  const level = (name: string, v: number | null, color: string) => {
    if (v === null || span.length === 0) return;
    data.push({
      type: 'scatter',
      mode: 'lines',
      name,
      x: span,
      y: [v, v],
      line: { color, width: 1, dash: 'dash' },
      hoverinfo: 'name+y',
    });
  };
  level('validation precision', validation?.precision ?? null, PRECISION);
  level('validation hit ratio', validation?.hit_ratio ?? null, HIT);
  const shapes = markers.map((m) => ({
    type: 'line',
    xref: 'x',
    yref: 'paper',
    x0: m.time,
    x1: m.time,
    y0: 0,
    y1: 1,
    line:
      m.kind === 'rollback' ? { color: '#d62728', width: 2 } : { color: '#ff7f0e', width: 1, dash: 'dot' },
  }));
  return {
    data,
    layout: {
      title: { text: 'Student model: rolling metrics vs validation' },
      xaxis: { title: { text: 'bar time' }, type: 'date' },
      yaxis: { title: { text: 'ratio' }, range: [0, 1] },
      legend: { orientation: 'h', y: -0.2 },
      margin: { l: 50, r: 20, t: 40, b: 60 },
      shapes,
      annotations: markers.map((m) => ({
        x: m.time,
        y: 1,
        xref: 'x',
        yref: 'paper',
        text: m.label,
        showarrow: false,
        font: { size: 10 },
        yanchor: 'bottom',
      })),
    },
  };
}
