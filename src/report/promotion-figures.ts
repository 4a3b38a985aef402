import { baseLayout, COLORS, type Figure, plotDates, round6, rounded } from './figure.js';
import type { PromotionCurves } from './promotion-curves.js';

const roleColor = { candidate: COLORS.student, baseline: COLORS.baseline, other: COLORS.other } as const;

/** Equity (growth of 1) of candidate and baselines on top, their drawdowns below. */
export function equityFigure(p: PromotionCurves): Figure {
  const x = plotDates(p.ts, p.tz);
  return {
    data: [
      ...p.curves.map((c) => ({
        type: 'scatter',
        mode: 'lines',
        name: `${c.name} (${c.role})`,
        x,
        y: rounded(c.equity),
        line: { color: roleColor[c.role], dash: c.role === 'other' ? 'dot' : 'solid' },
        legendgroup: c.name,
      })),
      ...p.curves.map((c) => ({
        type: 'scatter',
        mode: 'lines',
        name: `${c.name} drawdown`,
        x,
        y: rounded(c.drawdown),
        yaxis: 'y2',
        line: { color: roleColor[c.role], dash: c.role === 'other' ? 'dot' : 'solid', width: 1 },
        fill: c.role === 'candidate' ? 'tozeroy' : 'none',
        legendgroup: c.name,
        showlegend: false,
      })),
    ],
    layout: baseLayout(
      'Equal-weight portfolio over the validation window: equity and drawdown (costs included)',
      {
        height: 560,
        yaxis: { domain: [0.38, 1], title: { text: 'growth of 1' } },
        yaxis2: { domain: [0, 0.3], title: { text: 'drawdown' }, tickformat: '.0%' },
      },
    ),
  };
}

/**
 * The bootstrap test of the Sharpe uplift: the bootstrap distribution of the uplift, the same shifted to
 * mean zero (the null the p-value uses), and the observed uplift; p = share of the null at or beyond it.
 */
export function bootstrapFigure(p: PromotionCurves): Figure {
  const b = p.bootstrap;
  const nul = Array.from(b.distribution, (d) => round6(d - b.observed));
  const line = (x: number, color: string) => ({
    type: 'line',
    x0: x,
    x1: x,
    yref: 'paper',
    y0: 0,
    y1: 1,
    line: { color, width: 2, dash: 'dash' },
  });
  return {
    data: [
      {
        type: 'histogram',
        name: 'null (bootstrap uplift − observed)',
        x: nul,
        nbinsx: 60,
        opacity: 0.6,
        marker: { color: COLORS.neutral },
      },
      {
        type: 'histogram',
        name: 'bootstrap uplift',
        x: rounded(b.distribution),
        nbinsx: 60,
        opacity: 0.45,
        marker: { color: COLORS.student },
      },
    ],
    layout: baseLayout(
      `Stationary block bootstrap of the Sharpe uplift (${b.distribution.length} resamples, mean block ${b.meanBlock}): observed ${b.observed.toFixed(2)}, p = ${b.pValue.toFixed(4)}, 95% CI [${b.ci[0].toFixed(2)}, ${b.ci[1].toFixed(2)}]`,
      {
        barmode: 'overlay',
        xaxis: { title: { text: 'annualised Sharpe uplift (candidate − baseline)' } },
        yaxis: { title: { text: 'resamples' } },
        shapes: [line(b.observed, COLORS.SHORT), line(0, '#000')],
        annotations: [
          {
            x: b.observed,
            yref: 'paper',
            y: 1.02,
            text: 'observed',
            showarrow: false,
            font: { color: COLORS.SHORT },
          },
        ],
      },
    ),
  };
}

/** Per-symbol Sharpe of candidate against baseline, with the diagonal: points above it beat the baseline. */
export function perSymbolSharpeFigure(rows: readonly Record<string, unknown>[]): Figure {
  const xs = rows.map((r) => r.baseline_sharpe as number);
  const ys = rows.map((r) => r.candidate_sharpe as number);
  const all = [...xs, ...ys].filter(Number.isFinite);
  const lo = Math.min(0, ...all);
  const hi = Math.max(0, ...all);
  return {
    data: [
      {
        type: 'scatter',
        mode: 'lines',
        x: [lo, hi],
        y: [lo, hi],
        name: 'equal Sharpe',
        line: { color: COLORS.neutral, dash: 'dash' },
      },
      {
        type: 'scatter',
        mode: 'markers+text',
        name: 'symbols',
        x: xs.map(round6),
        y: ys.map(round6),
        text: rows.map((r) => r.symbol),
        textposition: 'top center',
        textfont: { size: 9 },
        marker: { color: rows.map((r) => (r.beats_baseline ? COLORS.LONG : COLORS.SHORT)), size: 8 },
      },
    ],
    layout: baseLayout('Per-symbol Sharpe: candidate vs baseline (green beats the baseline)', {
      height: 520,
      xaxis: { title: { text: 'baseline Sharpe' } },
      yaxis: { title: { text: 'candidate Sharpe' } },
    }),
  };
}
