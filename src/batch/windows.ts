import { windowDirName } from '../pipeline/index.js';

const DAY = 86_400_000;

/** What the walk-forward windows are generated from (plain data: symbols × a date range). */
export interface WindowSpec {
  symbols: readonly string[];
  /** First and last session date of the data, inclusive (YYYY-MM-DD). */
  startDate: string;
  endDate: string;
  windowDays: number;
  stepDays: number;
}

/** One training window of one symbol: plain data, apart from anything that runs it. */
export interface WindowTask {
  /** Position in the batch (symbol-major, then time): ledgers are written in this order. */
  index: number;
  symbol: string;
  /** Inclusive session dates (YYYY-MM-DD). */
  start: string;
  end: string;
  /** `<SYMBOL>_<start>_to_<end>`: the window's directory name and its id in ledgers and telemetry. */
  label: string;
}

/** The earlier of two ISO dates (string order is date order). */
const earlier = (a: string, b: string): string => (a.localeCompare(b) <= 0 ? a : b);

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * The rolling windows of every symbol (Qlib's RollingGen: tasks as plain data, apart from the runner).
 * Window k starts `k × stepDays` after `startDate` and ends `windowDays` later, cut at `endDate`;
 * windows start strictly before `endDate`. Pure: the same spec always gives the same list.
 * @example generateWindows({ symbols: ['TCS'], startDate: '2022-01-01', endDate: '2024-12-31',
 *   windowDays: 180, stepDays: 180 }) // 7 windows, the last 2024-12-16 … 2024-12-31
 */
export function generateWindows(spec: WindowSpec): WindowTask[] {
  const spans: [string, string][] = [];
  for (let k = 0; ; k++) {
    const start = addDays(spec.startDate, k * spec.stepDays);
    if (start >= spec.endDate) break;
    const end = addDays(start, spec.windowDays);
    spans.push([start, earlier(end, spec.endDate)]);
  }
  const out: WindowTask[] = [];
  for (const symbol of spec.symbols)
    for (const [start, end] of spans)
      out.push({ index: out.length, symbol, start, end, label: windowDirName(symbol, start, end) });
  return out;
}
