import { localDate } from '../data/index.js';
import { CLASSES, type ClassName } from '../labels/index.js';
import type { ColumnsTable } from '../pipeline/index.js';
import { baseLayout, COLORS, type Figure } from './figure.js';

/** Label counts per key (symbol or month), one array per class aligned with `keys`. */
export interface LabelCounts {
  by: 'symbol' | 'month' | 'split';
  keys: string[];
  counts: Record<ClassName, number[]>;
}

/**
 * Counts the teacher's labels (labels.csv.gz: `label`, `symbol`, `split`, `ts`) by symbol, by month
 * (exchange-local) or by split. Keys are sorted (months and splits in time order).
 */
export function labelCounts(labels: ColumnsTable, by: LabelCounts['by'], tz: string): LabelCounts {
  const label = labels.strings.get('label') as string[];
  const key: (i: number) => string =
    by === 'month'
      ? (() => {
          const ts = labels.numbers.get('ts') as Float64Array;
          return (i: number) => localDate(ts[i], tz).slice(0, 7);
        })()
      : (() => {
          const col = labels.strings.get(by) as string[];
          return (i: number) => col[i];
        })();
  const table = new Map<string, number[]>();
  for (let i = 0; i < labels.n; i++) {
    const k = key(i);
    let row = table.get(k);
    if (!row) {
      row = [0, 0, 0];
      table.set(k, row);
    }
    const c = CLASSES.indexOf(label[i] as ClassName);
    if (c >= 0) row[c]++;
  }
  const order = by === 'split' ? ['train', 'valid', 'test', 'embargo'] : [];
  const keys = [...table.keys()].sort((a, b) =>
    order.length > 0 ? order.indexOf(a) - order.indexOf(b) : a < b ? -1 : a > b ? 1 : 0,
  );
  const counts = Object.fromEntries(
    CLASSES.map((c, k) => [c, keys.map((x) => (table.get(x) as number[])[k])]),
  ) as Record<ClassName, number[]>;
  return { by, keys, counts };
}

/** Stacked bars of label counts (or shares with `share`), one bar per key, coloured by class. */
export function labelDistributionFigure(
  c: LabelCounts,
  opts: { share?: boolean; title?: string } = {},
): Figure {
  const totals = c.keys.map((_, i) => CLASSES.reduce((s, k) => s + c.counts[k][i], 0));
  return {
    data: CLASSES.map((k) => ({
      type: 'bar',
      name: k,
      x: c.by === 'month' ? c.keys.map((k) => `${k}-01`) : c.keys,
      y: c.counts[k].map((v, i) => (opts.share ? (totals[i] > 0 ? v / totals[i] : 0) : v)),
      marker: { color: COLORS[k] },
    })),
    layout: baseLayout(opts.title ?? `Labels by ${c.by}${opts.share ? ' (share)' : ''}`, {
      barmode: 'stack',
      legend: { orientation: 'h', y: 1.1, x: 1, xanchor: 'right' },
      margin: { l: 60, r: 60, t: 60, b: c.by === 'month' ? 50 : 100 },
      yaxis: {
        title: { text: opts.share ? 'share of rows' : 'rows' },
        ...(opts.share ? { tickformat: '.0%' } : {}),
      },
      xaxis: c.by === 'month' ? { type: 'date', tickformat: '%b %Y' } : { type: 'category', tickangle: -60 },
    }),
  };
}
