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
