import { type BarSeries, sliceBars } from '../data/index.js';
import { bollinger, rsi, sma } from '../features/index.js';
import { baseLayout, COLORS, type Figure, plotDates, rounded } from './figure.js';

/**
 * Candlestick of one symbol with SMA 20/50 and Bollinger bands (20, 2σ) on the price panel, volume and
 * RSI(14) panels below. Indicators run on the whole series (the project's kernels), then the last
 * `last` bars are shown, so the first shown values are already warmed up.
 */
export function candlestickFigure(bars: BarSeries, opts: { last?: number } = {}): Figure {
  const n = bars.close.length;
  const lo = Math.max(0, n - (opts.last ?? 250));
  const s20 = sma(bars.close, 20).subarray(lo);
  const s50 = sma(bars.close, 50).subarray(lo);
  const bb = bollinger(bars.close, 20, 2);
  const r = rsi(bars.close, 14).subarray(lo);
  const b = sliceBars(bars, lo, n);
  const x = plotDates(b.ts, bars.tz);
  const line = (name: string, y: ArrayLike<number>, color: string, extra: Record<string, unknown> = {}) => ({
    type: 'scatter',
    mode: 'lines',
    name,
    x,
    y: rounded(y),
    line: { color, width: 1.2 },
    ...extra,
  });
  return {
    data: [
      {
        type: 'candlestick',
        name: bars.symbol,
        x,
        open: rounded(b.open),
        high: rounded(b.high),
        low: rounded(b.low),
        close: rounded(b.close),
        increasing: { line: { color: COLORS.LONG } },
        decreasing: { line: { color: COLORS.SHORT } },
      },
      line('SMA 20', s20, COLORS.student),
      line('SMA 50', s50, COLORS.baseline),
      line('Bollinger upper', bb.upper.subarray(lo), COLORS.neutral, {
        line: { color: COLORS.neutral, dash: 'dot', width: 1 },
      }),
      line('Bollinger lower', bb.lower.subarray(lo), COLORS.neutral, {
        line: { color: COLORS.neutral, dash: 'dot', width: 1 },
        fill: 'tonexty',
        fillcolor: 'rgba(158,158,158,0.08)',
      }),
      { type: 'bar', name: 'volume', x, y: rounded(b.volume), yaxis: 'y2', marker: { color: '#90a4ae' } },
      line('RSI 14', r, COLORS.teacher, { yaxis: 'y3' }),
    ],
    layout: baseLayout(
      `${bars.symbol}: last ${n - lo} bars with SMA 20/50, Bollinger (20, 2σ), volume, RSI 14`,
      {
        height: 720,
        xaxis: { rangeslider: { visible: false }, type: 'category', nticks: 12, anchor: 'y3' },
        yaxis: { domain: [0.42, 1], title: { text: 'price' } },
        yaxis2: { domain: [0.24, 0.4], title: { text: 'volume' } },
        yaxis3: {
          domain: [0, 0.2],
          range: [0, 100],
          title: { text: 'RSI' },
          tickvals: [30, 50, 70],
        },
        shapes: [30, 70].map((v) => ({
          type: 'line',
          xref: 'paper',
          x0: 0,
          x1: 1,
          yref: 'y3',
          y0: v,
          y1: v,
          line: { color: COLORS.neutral, dash: 'dash', width: 1 },
        })),
      },
    ),
  };
}
