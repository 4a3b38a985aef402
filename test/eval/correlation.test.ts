import { describe, expect, it } from 'vitest';
import { DataValidationError } from '../../src/core/index.js';
import { averageRanks, pearsonCorrelation, spearmanCorrelation } from '../../src/eval/index.js';

describe('pearsonCorrelation / spearmanCorrelation', () => {
  it('computes a hand-worked Pearson coefficient', () => {
    // x = 1,2,3,4 (mean 2.5), y = 2,1,4,3 (mean 2.5): Σdxdy = (−1.5)(−.5)+(−.5)(−1.5)+(.5)(1.5)+(1.5)(.5) = 3
    // Σdx² = Σdy² = 5 → r = 3/5
    expect(pearsonCorrelation([1, 2, 3, 4], [2, 1, 4, 3])).toBeCloseTo(0.6, 15);
    expect(pearsonCorrelation([1, 2, 3], [-2, -4, -6])).toBeCloseTo(-1, 15);
  });

  it('gives tied values their average rank, and Spearman is Pearson on those ranks', () => {
    expect(Array.from(averageRanks([10, 20, 10, 30, 20]))).toEqual([1.5, 3.5, 1.5, 5, 3.5]);
    // Monotone but not linear: Spearman 1, Pearson below 1.
    const x = [1, 2, 3, 4, 5];
    const y = [1, 4, 9, 16, 1000];
    expect(spearmanCorrelation(x, y)).toBeCloseTo(1, 15);
    expect(pearsonCorrelation(x, y)).toBeLessThan(0.8);
    // ranks x: 1.5,1.5,3 ; y: 1,2,3 → Pearson of (1.5,1.5,3) and (1,2,3): dx = (−.5,−.5,1), dy = (−1,0,1)
    // Σdxdy = .5 + 0 + 1 = 1.5; Σdx² = 1.5; Σdy² = 2 → 1.5/√3 = √3/2
    expect(spearmanCorrelation([5, 5, 9], [1, 2, 3])).toBeCloseTo(Math.sqrt(3) / 2, 15);
  });

  it('is NaN for fewer than two pairs or a constant sample, and rejects unequal lengths', () => {
    expect(Number.isNaN(pearsonCorrelation([1], [2]))).toBe(true);
    expect(Number.isNaN(spearmanCorrelation([1, 1, 1], [1, 2, 3]))).toBe(true);
    expect(() => pearsonCorrelation([1, 2], [1])).toThrow(DataValidationError);
  });
});
