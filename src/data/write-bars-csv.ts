import { DataValidationError } from '../core/index.js';
import { writeFileAtomic } from '../pipeline/index.js';
import { formatTs } from './calendar.js';
import type { BarSeries } from './types.js';
import { validateBars } from './validate-bars.js';

/** Header written by writeBarsCsv. */
export const BARS_CSV_HEADER = 'ts,open,high,low,close,volume';

/**
 * Renders bars as `ts,open,high,low,close,volume` text with offset timestamps. Numbers go through
 * String(x), the shortest text that parses back to the same double, so re-import is bit-exact.
 */
export function barsToCsv(series: BarSeries): string {
  const { ts, open, high, low, close, volume, tz } = series;
  const n = ts.length;
  const chunks: string[] = [BARS_CSV_HEADER];
  for (let i = 0; i < n; i++) {
    chunks.push(
      `${formatTs(ts[i], tz)},${String(open[i])},${String(high[i])},${String(low[i])},${String(close[i])},${String(volume[i])}`,
    );
  }
  chunks.push('');
  return chunks.join('\n');
}

/** Writes one symbol's bars atomically as CSV; refuses (DataValidationError) invalid bars. */
export function writeBarsCsv(path: string, series: BarSeries): void {
  const issues = validateBars(series);
  if (issues.length > 0) {
    throw new DataValidationError(`Refusing to write invalid bars of ${series.symbol} to ${path}`, issues);
  }
  writeFileAtomic(path, barsToCsv(series));
}
