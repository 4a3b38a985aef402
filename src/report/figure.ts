import { formatTs } from '../data/index.js';

/** One plotly trace (plain JSON: what `Plotly.newPlot` takes). */
export type Trace = Record<string, unknown>;

/** A plotly figure spec: traces and layout, plain JSON, rendered by `figureHtml` or any plotly front end. */
export interface Figure {
  data: Trace[];
  layout: Record<string, unknown>;
}

/** Colours used across reports: classes, and the models compared. */
export const COLORS = {
  LONG: '#2e7d32',
  SHORT: '#c62828',
  NOOP: '#757575',
  teacher: '#6a1b9a',
  student: '#1565c0',
  baseline: '#ef6c00',
  other: '#8d6e63',
  neutral: '#9e9e9e',
} as const;

/** A layout with the house defaults (white template, title, compact margins, legend on top). */
export function baseLayout(title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: { text: title, x: 0.01, xanchor: 'left', font: { size: 15 } },
    template: 'plotly_white',
    margin: { l: 60, r: 60, t: 60, b: 50 },
    legend: { orientation: 'h', y: -0.18 },
    height: 420,
    ...extra,
  };
}

/**
 * Exchange-local wall-clock strings plotly reads as dates (`YYYY-MM-DD HH:MM:SS`, or `YYYY-MM-DD` when every
 * instant is a local midnight, i.e. daily bars; plotly has no time zones, so the offset is dropped after
 * converting to the exchange's local time).
 */
export function plotDates(ts: ArrayLike<number>, tz: string): string[] {
  const out = Array.from(ts, (t) => formatTs(t, tz).slice(0, 19).replace('T', ' '));
  return out.every((d) => d.endsWith(' 00:00:00')) ? out.map((d) => d.slice(0, 10)) : out;
}

/** Rounds for compact specs (figures carry thousands of points; 6 significant digits are plenty). */
export function round6(x: number): number | null {
  return Number.isFinite(x) ? Number(x.toPrecision(6)) : null;
}

/** round6 over an array-like. */
export function rounded(xs: ArrayLike<number>): (number | null)[] {
  return Array.from(xs, round6);
}
