/**
 * Deterministic seeded synthetic market (data-generating process)
 * ---------------------------------------------------------------
 * Bars exist on weekdays only (no holidays); daily bars are stamped at the session date 00:00
 * exchange time, 5-minute bars at their start, 09:15–15:25 IST (75 a session, last closes 15:30).
 * Log return of symbol i over bar t:
 *
 *   r = mu(observable state) + beta_i * market_t + gamma_i * sector_t + idio_i,t
 *
 * - Hidden volatility regime: a two-state Markov chain (low ×0.8 / high ×1.7 vol, mean durations
 *   ~67 and ~17 sessions) shared by all symbols; high-vol also lifts volume.
 * - Market factor: GARCH(1,1) (alpha 0.10, beta 0.87) on unit-variance Student-t(4) shocks;
 *   seven sector factors are Student-t(6); idiosyncratic noise is GARCH(1,1) Student-t(5).
 *   Daily vols before regime scaling: market 0.9 %, sector 0.7 %, idiosyncratic 1.2 %.
 * - Drift (weak, scaled by signalStrength; 0 = pure noise), in units of the symbol's observed
 *   EWMA vol v and using closes up to t−1 only:
 *     calm state (short EWMA vol <= long EWMA vol): momentum  +0.16 v tanh(r10 / (v √10))
 *     turbulent state:                              reversion −0.16 v tanh(dev20 / (v √10))
 *     3 bars after a volume shock:                  continuation +0.30 v sign(shock-bar return)
 *   where r10 is the trailing 10-bar log return and dev20 = (close − SMA20) / close. After
 *   regimeChangeDate momentum flips to a weaker reversal (×−0.5).
 * - Volume shocks (3 % of days) scale the idiosyncratic shock ×1.8 and volume ×e^1.1. Volume is
 *   lognormal: per-symbol level + |standardised return| + regime + noise (+ intraday U-shape).
 * - OHLC: open = previous close × gap (30 % of the daily move happens overnight; intraday the
 *   first bar carries the overnight gap), high/low extend the body by |N|·0.6 bar vol; prices are
 *   rounded to paise and start log-uniform in [100, 3000].
 * - Intraday: the same model per 5-minute bar; vols are split across the session with a U-shaped
 *   profile whose variance sums to one day's, so per-bar vol is ~1/9 of daily.
 * Each symbol draws from rng.fork(symbol) and the factors from their own forks, so adding a symbol
 * never changes the others; the same options always give byte-identical arrays.
 */
import { ConfigError, createRng, type Issue, logger } from '../core/index.js';
import { DEFAULT_TZ, localDateTimeToEpoch } from './calendar.js';
import { simulateFactors } from './synthetic-factors.js';
import { buildTimeGrid, intradayVolScale, intradayVolumeProfile } from './synthetic-grid.js';
import { simulateSymbol } from './synthetic-symbol.js';
import { DEFAULT_SYMBOLS, sectorOf } from './symbols.js';
import { isValidTimeZone } from './tz-offset.js';
import type { BarSeries, Frequency } from './types.js';

/** Options of generateSyntheticMarket. */
export interface SyntheticMarketOptions {
  seed: number;
  /** Default DEFAULT_SYMBOLS (36 NSE large caps). */
  symbols?: readonly string[];
  /** First and last calendar date, `YYYY-MM-DD`, inclusive. */
  start: string;
  end: string;
  frequency: Frequency;
  /** Exchange timezone, default Asia/Kolkata. */
  tz?: string;
  /** From this date on momentum flips to a weak reversal; null/undefined = no change. */
  regimeChangeDate?: string | null;
  /** Scales the predictable part of returns; default 1, 0 = pure noise. */
  signalStrength?: number;
}

/** The pipeline's defaults: three years of daily bars. */
export const SYNTHETIC_DEFAULTS = { start: '2022-01-01', end: '2024-12-31', frequency: '1d' } as const;

const SYMBOL_RE = /^[A-Za-z0-9][A-Za-z0-9&._-]*$/;

function checkOptions(o: SyntheticMarketOptions, tz: string, symbols: readonly string[]): void {
  const issues: Issue[] = [];
  const dateOk = (d: unknown): boolean =>
    typeof d === 'string' && !Number.isNaN(localDateTimeToEpoch(d, 0, 'UTC'));
  if (!Number.isFinite(o.seed))
    issues.push({ path: 'seed', message: 'must be a finite number', value: o.seed });
  if (!dateOk(o.start)) issues.push({ path: 'start', message: 'expected YYYY-MM-DD', value: o.start });
  if (!dateOk(o.end)) issues.push({ path: 'end', message: 'expected YYYY-MM-DD', value: o.end });
  if (dateOk(o.start) && dateOk(o.end) && o.start > o.end) {
    issues.push({ path: 'end', message: `end is before start ${o.start}`, value: o.end });
  }
  if (o.frequency !== '1d' && o.frequency !== '5m') {
    issues.push({ path: 'frequency', message: "must be '1d' or '5m'", value: o.frequency });
  }
  if (!isValidTimeZone(tz)) issues.push({ path: 'tz', message: 'not an IANA timezone', value: tz });
  if (o.regimeChangeDate != null && !dateOk(o.regimeChangeDate)) {
    issues.push({
      path: 'regimeChangeDate',
      message: 'expected YYYY-MM-DD or null',
      value: o.regimeChangeDate,
    });
  }
  const s = o.signalStrength ?? 1;
  if (!Number.isFinite(s) || s < 0)
    issues.push({ path: 'signalStrength', message: 'must be >= 0', value: s });
  if (symbols.length === 0)
    issues.push({ path: 'symbols', message: 'at least one symbol is needed', value: [] });
  const seen = new Set<string>();
  for (const sym of symbols) {
    if (typeof sym !== 'string' || !SYMBOL_RE.test(sym)) {
      issues.push({ path: 'symbols', message: 'symbols are letters, digits and & . _ -', value: sym });
    } else if (seen.has(sym)) issues.push({ path: 'symbols', message: 'duplicate symbol', value: sym });
    seen.add(sym);
  }
  if (issues.length > 0) throw new ConfigError('Invalid synthetic market options', issues);
}

/** Generates a deterministic synthetic market: one BarSeries per symbol on a shared time grid. */
export function generateSyntheticMarket(opts: SyntheticMarketOptions): BarSeries[] {
  const tz = opts.tz ?? DEFAULT_TZ;
  const symbols = opts.symbols ?? DEFAULT_SYMBOLS;
  checkOptions(opts, tz, symbols);
  const started = performance.now();
  const grid = buildTimeGrid(opts.start, opts.end, opts.frequency, tz);
  const volScale = intradayVolScale(grid.barsPerSession);
  const root = createRng(opts.seed);
  const factors = simulateFactors(root, grid, volScale);
  const ctx = {
    grid,
    factors,
    volScale,
    volumeProfile: intradayVolumeProfile(grid.barsPerSession),
    tz,
    signalStrength: opts.signalStrength ?? 1,
    changeTs: opts.regimeChangeDate
      ? localDateTimeToEpoch(opts.regimeChangeDate, 0, tz)
      : Number.POSITIVE_INFINITY,
  };
  const out = symbols.map((sym) => {
    const sectorRet = factors.sectorRet.get(sectorOf(sym))!;
    return simulateSymbol(root.fork(sym), sym, sectorRet, ctx);
  });
  logger.debug('synthetic market generated', {
    symbols: symbols.length,
    bars: grid.ts.length * symbols.length,
    ms: Math.round(performance.now() - started),
  });
  return out;
}
