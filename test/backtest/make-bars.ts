import type { BarSeries } from '../../src/data/types.js';
import { allocBars } from '../../src/data/types.js';

/** Test bars from opens and closes (high/low bracket them; ts = 1..n minutes unless given). */
export function makeBars(open: number[], close: number[], ts?: number[], symbol = 'TEST'): BarSeries {
  const n = close.length;
  const b = allocBars(symbol, 'Asia/Kolkata', n);
  for (let i = 0; i < n; i++) {
    b.ts[i] = ts ? ts[i] : (i + 1) * 60_000;
    b.open[i] = open[i];
    b.close[i] = close[i];
    b.high[i] = Math.max(open[i], close[i]);
    b.low[i] = Math.min(open[i], close[i]);
    b.volume[i] = 1000;
  }
  return b;
}
