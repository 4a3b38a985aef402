import type { SignalAnalysis } from '../eval/index.js';
import { baseLayout, COLORS, type Figure, plotDates, rounded } from './figure.js';

/** Headline rows of a signal analysis (IC, rank IC, IR, long–short) for a table. */
export function signalRows(a: SignalAnalysis): { statistic: string; value: number }[] {
  return [
    { statistic: 'IC mean', value: a.ic.icMean },
    { statistic: 'IC std', value: a.ic.icStd },
    { statistic: 'IC IR (mean / std)', value: a.ic.icIr },
    { statistic: 'rank IC mean', value: a.ic.rankIcMean },
    { statistic: 'rank IC std', value: a.ic.rankIcStd },
    { statistic: 'rank IC IR', value: a.ic.rankIcIr },
    ...Array.from(a.quantiles.meanByQuantile, (v, q) => ({
      statistic: `Q${q + 1} mean forward return`,
      value: v,
    })),
    { statistic: `long–short (Q${a.quantiles.quantiles} − Q1) mean`, value: a.quantiles.longShortMean },
    { statistic: 'dates', value: a.ic.dates.length },
    { statistic: 'rows', value: a.rows },
  ];
}

/** IC and rank IC per date (bars) with their cumulative sums (lines, right axis). */
export function icFigure(a: SignalAnalysis, tz: string): Figure {
  const x = plotDates(a.ic.dates, tz);
  return {
    data: [
      { type: 'bar', name: 'IC', x, y: rounded(a.ic.ic), marker: { color: COLORS.student }, opacity: 0.55 },
      {
        type: 'bar',
        name: 'rank IC',
        x,
        y: rounded(a.ic.rankIc),
        marker: { color: COLORS.teacher },
        opacity: 0.55,
      },
      {
        type: 'scatter',
        mode: 'lines',
        name: 'cumulative IC',
        x,
        y: rounded(a.ic.cumulativeIc),
        yaxis: 'y2',
        line: { color: COLORS.student },
      },
      {
        type: 'scatter',
        mode: 'lines',
        name: 'cumulative rank IC',
        x,
        y: rounded(a.ic.cumulativeRankIc),
        yaxis: 'y2',
        line: { color: COLORS.teacher, dash: 'dash' },
      },
    ],
    layout: baseLayout(
      `IC per date (mean ${a.ic.icMean.toFixed(3)}, IR ${a.ic.icIr.toFixed(2)}); rank IC (mean ${a.ic.rankIcMean.toFixed(3)}, IR ${a.ic.rankIcIr.toFixed(2)})`,
      {
        barmode: 'overlay',
        yaxis: { title: { text: 'IC' } },
        yaxis2: { title: { text: 'cumulative' }, overlaying: 'y', side: 'right', showgrid: false },
      },
    ),
  };
}

/** Mean forward return per score quantile with the long–short bar, and each quantile's cumulative return. */
export function quantileFigure(a: SignalAnalysis, tz: string): Figure {
  const q = a.quantiles;
  const names = Array.from({ length: q.quantiles }, (_, i) => `Q${i + 1}`);
  const x = plotDates(q.dates, tz);
  const cum = (v: Float64Array) => {
    let s = 0;
    return rounded(v.map((r) => (s += r)));
  };
  const shade = (i: number) =>
    `rgba(21,101,192,${(0.25 + (0.75 * i) / Math.max(1, q.quantiles - 1)).toFixed(2)})`;
  return {
    data: [
      {
        type: 'bar',
        name: 'mean forward return',
        x: [...names, 'long–short'],
        y: rounded([...q.meanByQuantile, q.longShortMean]),
        marker: { color: [...names.map((_, i) => shade(i)), COLORS.baseline] },
        showlegend: false,
      },
      ...q.byQuantile.map((v, i) => ({
        type: 'scatter',
        mode: 'lines',
        name: `${names[i]} cumulative`,
        x,
        y: cum(v),
        xaxis: 'x2',
        yaxis: 'y2',
        line: { color: shade(i) },
      })),
      {
        type: 'scatter',
        mode: 'lines',
        name: 'long–short cumulative',
        x,
        y: cum(q.longShort),
        xaxis: 'x2',
        yaxis: 'y2',
        line: { color: COLORS.baseline, width: 2 },
      },
    ],
    layout: baseLayout(
      `Forward return by score quintile (Q1 lowest p(LONG) − p(SHORT)); long–short ${q.longShortMean.toFixed(4)} per date`,
      {
        height: 440,
        xaxis: { domain: [0, 0.3], type: 'category' },
        yaxis: { title: { text: 'mean forward return' }, tickformat: '.2%' },
        xaxis2: { domain: [0.4, 1] },
        yaxis2: { anchor: 'x2', title: { text: 'sum of per-date returns' }, tickformat: '.1%' },
      },
    ),
  };
}
