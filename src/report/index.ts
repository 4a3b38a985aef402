// Plotly figure specs built from artifacts, as plain JSON: shared by notebooks, HTML reports, the engine
// dashboard and tests.
export { rollingMetricsFigure } from './rolling-metrics-figure.js';
export type { PlotlyFigure, RollingPoint, TimeMarker, ValidationLevels } from './rolling-metrics-figure.js';
