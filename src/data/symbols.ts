import { createRng } from '../core/index.js';

/** Sectors of the synthetic market; each has its own factor stream. */
export const SECTORS = ['FINANCIALS', 'IT', 'ENERGY', 'CONSUMER', 'AUTO', 'PHARMA', 'METALS'] as const;
export type Sector = (typeof SECTORS)[number];

const SECTOR_MEMBERS: Record<Sector, readonly string[]> = {
  FINANCIALS: ['HDFCBANK', 'ICICIBANK', 'SBIN', 'KOTAKBANK', 'AXISBANK', 'BAJFINANCE'],
  IT: ['TCS', 'INFY', 'WIPRO', 'HCLTECH', 'TECHM', 'LTIM'],
  ENERGY: ['RELIANCE', 'ONGC', 'NTPC', 'POWERGRID', 'COALINDIA', 'BPCL'],
  CONSUMER: ['HINDUNILVR', 'ITC', 'NESTLEIND', 'BRITANNIA', 'ASIANPAINT', 'TITAN'],
  AUTO: ['MARUTI', 'TATAMOTORS', 'EICHERMOT', 'HEROMOTOCO'],
  PHARMA: ['SUNPHARMA', 'DRREDDY', 'CIPLA', 'DIVISLAB'],
  METALS: ['TATASTEEL', 'JSWSTEEL', 'HINDALCO', 'ULTRACEMCO'],
};

/** The 36 NSE large caps the synthetic market simulates by default. */
export const DEFAULT_SYMBOLS: readonly string[] = SECTORS.flatMap((s) => SECTOR_MEMBERS[s]);

const SECTOR_OF = new Map<string, Sector>(
  SECTORS.flatMap((s) => SECTOR_MEMBERS[s].map((m) => [m, s] as const)),
);

/** Sector of a symbol: the real one for default symbols, else a stable hash of the name. */
export function sectorOf(symbol: string): Sector {
  return SECTOR_OF.get(symbol) ?? SECTORS[createRng(`sector/${symbol}`).int(SECTORS.length)];
}

/** Longest accepted symbol name. */
export const MAX_SYMBOL_LENGTH = 32;

const SYMBOL_CHARS = /^[A-Za-z0-9&._-]+$/;

/**
 * Why `symbol` cannot be a symbol name (it becomes a file name in the raw-bar and feature stores), or
 * null when it can: 1–32 letters, digits, `.`, `-`, `_`, `&`, not only dots (no `.`/`..`), no path
 * separators, NUL or other characters.
 */
export function symbolProblem(symbol: string): string | null {
  if (symbol.length === 0) return 'empty symbol';
  if (symbol.length > MAX_SYMBOL_LENGTH) return `symbol longer than ${MAX_SYMBOL_LENGTH} characters`;
  if (!SYMBOL_CHARS.test(symbol)) {
    const bad = [...symbol].find((ch) => !SYMBOL_CHARS.test(ch)) ?? '';
    const shown =
      bad === '\0' ? 'NUL' : bad === '/' || bad === '\\' ? `path separator ${bad}` : JSON.stringify(bad);
    return `symbol contains ${shown}; only letters, digits and . - _ & are allowed`;
  }
  if (/^\.+$/.test(symbol)) return 'symbol made only of dots';
  return null;
}
