import { pearsonCorrelation } from '../eval/index.js';
import type { ColumnsTable } from '../pipeline/index.js';
import { baseLayout, type Figure, round6 } from './figure.js';

/** A symmetric correlation matrix over named columns. */
export interface CorrelationMatrix {
  names: string[];
  /** matrix[i][j] = Pearson correlation of names[i] and names[j] (NaN when either is constant). */
  matrix: number[][];
  rows: number;
}

/** Pearson correlations between feature columns over the rows where every one of them is finite. */
export function featureCorrelation(table: ColumnsTable, names: readonly string[]): CorrelationMatrix {
  const cols = names.map((n) => table.numbers.get(n) as Float64Array);
  const keep: number[] = [];
  for (let i = 0; i < table.n; i++) if (cols.every((c) => Number.isFinite(c[i]))) keep.push(i);
  const dense = cols.map((c) => Float64Array.from(keep, (i) => c[i]));
  const matrix = names.map((_, a) => names.map((__, b) => (a === b ? 1 : Number.NaN)));
  for (let a = 0; a < names.length; a++)
    for (let b = a + 1; b < names.length; b++)
      matrix[a][b] = matrix[b][a] = pearsonCorrelation(dense[a], dense[b]);
  return { names: [...names], matrix, rows: keep.length };
}

/** Heatmap of a correlation matrix on a fixed −1…1 diverging scale. */
export function correlationHeatmap(c: CorrelationMatrix, title = 'Feature correlations (Pearson)'): Figure {
  return {
    data: [
      {
        type: 'heatmap',
        x: c.names,
        y: c.names,
        z: c.matrix.map((r) => r.map(round6)),
        zmin: -1,
        zmax: 1,
        colorscale: 'RdBu',
        reversescale: true,
        hovertemplate: '%{y} × %{x}: %{z:.3f}<extra></extra>',
      },
    ],
    layout: baseLayout(`${title} — ${c.rows} rows`, {
      height: 640,
      margin: { l: 130, r: 20, t: 60, b: 130 },
      yaxis: { autorange: 'reversed' },
    }),
  };
}
