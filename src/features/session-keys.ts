import { tzOffsetMs } from '../data/index.js';

export const DAY_MS = 86_400_000;
// Offsets are resolved per one-week UTC cell; real zones never change offset twice within a week.
export const CELL_MS = 7 * DAY_MS;

export interface Cell {
  /** Offset at the cell start. */
  before: number;
  /** Offset at the cell end. */
  after: number;
  /** First instant (whole second) with the `after` offset; +Infinity when the offset is constant. */
  change: number;
}

// Per timezone, offsets of fixed one-week UTC cells; shared by every series of that timezone.
const cells = new Map<string, Map<number, Cell>>();

/** The cached offsets of one-week UTC cell `g` of timezone `tz`. */
export function cellOf(tz: string, g: number): Cell {
  let byTz = cells.get(tz);
  if (byTz === undefined) {
    byTz = new Map();
    cells.set(tz, byTz);
  }
  let cell = byTz.get(g);
  if (cell === undefined) {
    const lo0 = g * CELL_MS;
    const before = tzOffsetMs(tz, lo0);
    const after = tzOffsetMs(tz, lo0 + CELL_MS);
    let change = Number.POSITIVE_INFINITY;
    if (after !== before) {
      let lo = lo0;
      let hi = lo0 + CELL_MS;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (tzOffsetMs(tz, mid) === before) lo = mid;
        else hi = mid;
      }
      change = hi;
    }
    cell = { before, after, change };
    byTz.set(g, cell);
  }
  return cell;
}

/**
 * Exchange-local calendar day of each timestamp, as whole days since 1970-01-01 local: the session key
 * used to anchor intraday indicators. Offsets come from Intl only about twice per week of calendar (plus a
 * bisection at each DST change) and are cached per timezone, so the cost per bar is a few arithmetic ops.
 * Assumes a zone changes offset at most once per week, which holds for every IANA zone in modern times.
 */
export function sessionKeys(ts: Float64Array, tz: string): Float64Array {
  const len = ts.length;
  const out = new Float64Array(len);
  tzOffsetMs(tz, 0); // validates the timezone up front (ConfigError naming it)
  let g = Number.NaN;
  let cell: Cell = { before: 0, after: 0, change: Number.POSITIVE_INFINITY };
  for (let i = 0; i < len; i++) {
    const t = ts[i];
    if (!Number.isFinite(t)) {
      out[i] = Number.NaN;
      continue;
    }
    const gi = Math.floor(t / CELL_MS);
    if (gi !== g) {
      g = gi;
      cell = cellOf(tz, gi);
    }
    out[i] = Math.floor((t + (t < cell.change ? cell.before : cell.after)) / DAY_MS);
  }
  return out;
}
