import type { Issue } from '../core/index.js';
import { BarProblem, checkBar, describeBarProblem } from './bar-rules.js';
import { formatTs } from './calendar.js';
import type { BarSeries } from './types.js';

/** Options of validateBars. */
export interface ValidateBarsOptions {
  /** Stop listing after this many issues per series (a summary issue gives the total); default 50. */
  maxIssues?: number;
}

function validateOne(b: BarSeries, maxIssues: number, out: Issue[]): void {
  const n = b.ts.length;
  const cols = [b.open, b.high, b.low, b.close, b.volume];
  if (cols.some((c) => c.length !== n)) {
    out.push({
      path: b.symbol,
      message: `column lengths differ (ts ${n}, open ${b.open.length}, high ${b.high.length}, low ${b.low.length}, close ${b.close.length}, volume ${b.volume.length})`,
      fix: 'allocate series with allocBars so every column has the same length',
    });
    return;
  }
  let count = 0;
  const add = (issue: Issue): void => {
    if (count < maxIssues) out.push(issue);
    count++;
  };
  const { ts, open, high, low, close, volume } = b;
  for (let i = 0; i < n; i++) {
    const t = ts[i];
    if (!Number.isInteger(t)) {
      add({ path: `${b.symbol}[${i}].ts`, message: 'timestamp must be whole epoch milliseconds', value: t });
    } else if (i > 0 && !(t > ts[i - 1])) {
      add({
        path: `${b.symbol}[${i}].ts`,
        message: `${t === ts[i - 1] ? 'duplicate' : 'out-of-order'} timestamp ${formatTs(t, b.tz)} (previous ${formatTs(ts[i - 1], b.tz)})`,
        value: t,
        fix: 'sort bars by time and drop duplicates',
      });
    }
    const code = checkBar(open[i], high[i], low[i], close[i], volume[i]);
    if (code !== BarProblem.ok) {
      const d = describeBarProblem(code, open[i], high[i], low[i], close[i], volume[i]);
      add({ path: `${b.symbol}[${i}].${d.column}`, message: d.message, value: d.value, fix: d.fix });
    }
  }
  if (count > maxIssues) {
    out.push({ path: b.symbol, message: `${count} issues in total, first ${maxIssues} listed` });
  }
}

/** Checks OHLCV validity and strictly increasing whole-ms timestamps; returns [] when all bars are valid. */
export function validateBars(
  series: BarSeries | readonly BarSeries[],
  opts: ValidateBarsOptions = {},
): Issue[] {
  const list = Array.isArray(series) ? (series as readonly BarSeries[]) : [series as BarSeries];
  const out: Issue[] = [];
  for (const b of list) validateOne(b, opts.maxIssues ?? 50, out);
  return out;
}
