import { describe, expect, it } from 'vitest';
import { simulate, simulatePortfolio } from '../../src/backtest/index.js';
import { DataValidationError } from '../../src/core/index.js';
import { makeBars } from './make-bars.js';

const FREE = { commissionBps: 0, slippageBps: 0 };

describe('simulatePortfolio', () => {
  it('aligns symbols by timestamp and renormalises weights over symbols with a bar', () => {
    // A at ts 1000, 2000, 3000: open/close 100/100, 100/110, 110/121, target [1, 1, 0] → r = [0, 0.1, 0.1]
    // B at ts 1000, 3000 (no bar at 2000): 50/50, 50/45, target [1, 0] → r = [0, −0.1]
    // C only at ts 2500: r = [0]
    // union 1000, 2000, 2500, 3000:
    //   1000: (0 + 0)/2 = 0 ; 2000: A alone 0.1 ; 2500: C alone 0 ; 3000: (0.1 − 0.1)/2 = 0
    const a = makeBars([100, 100, 110], [100, 110, 121], [1000, 2000, 3000], 'A');
    const b = makeBars([50, 50], [50, 45], [1000, 3000], 'B');
    const c = makeBars([10], [10], [2500], 'C');
    const sims = [
      simulate(a, new Int8Array([1, 1, 0]), FREE),
      simulate(b, new Int8Array([1, 0]), FREE),
      simulate(c, new Int8Array([0]), FREE),
    ];
    const p = simulatePortfolio(sims, [a.ts, b.ts, c.ts]);
    expect(Array.from(p.ts)).toEqual([1000, 2000, 2500, 3000]);
    expect(Array.from(p.active)).toEqual([2, 1, 1, 2]);
    const want = [0, 0.1, 0, 0];
    want.forEach((w, i) => {
      expect(p.returns[i]).toBeCloseTo(w, 14);
    });
    expect(p.grossReturns[1]).toBeCloseTo(0.1, 14);
  });

  it('rejects mismatched or unsorted timestamps', () => {
    const a = makeBars([1, 1], [1, 1], [2000, 1000]);
    const sim = simulate(a, new Int8Array(2), FREE);
    expect(() => simulatePortfolio([sim], [a.ts])).toThrow(DataValidationError);
    expect(() => simulatePortfolio([sim], [])).toThrow(DataValidationError);
    expect(() => simulatePortfolio([sim], [new Float64Array(3)])).toThrow(DataValidationError);
  });
});
