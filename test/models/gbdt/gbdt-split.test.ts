import { describe, expect, it } from 'vitest';
import { emptySplit, findBestSplit, type SplitParams } from '../../../src/models/gbdt/split.js';

/**
 * findBestSplit on one feature whose histogram slot holds the given per-bin gradient and hessian sums
 * (value bins, then the missing bin last), stored as (gradient, hessian) pairs.
 */
function best(g: number[], h: number[], count: number, p: Partial<SplitParams>, hasMissing = 0) {
  const nb = g.length;
  const hist = Float64Array.from(g.flatMap((gi, b) => [gi, h[b]]));
  const sumG = g.reduce((a, b) => a + b, 0);
  const sumH = h.reduce((a, b) => a + b, 0);
  const params: SplitParams = {
    lambdaL2: 0,
    minDataInLeaf: 1,
    minSumHessianInLeaf: 0,
    minGainToSplit: 0,
    ...p,
  };
  const out = emptySplit();
  findBestSplit(
    hist,
    0,
    Int32Array.of(0),
    1,
    Int32Array.of(0),
    Int32Array.of(nb),
    Uint8Array.of(hasMissing),
    sumG,
    sumH,
    count,
    params,
    out,
  );
  return out;
}

describe('findBestSplit (LightGBM FindBestThresholdSequentially)', () => {
  it('keeps the highest of equally good thresholds (scanned right to left)', () => {
    // Thresholds 0 and 2 both give GL²/HL + GR²/HR = 1/1 + 1/3 (λ = 0); threshold 1 gives 1/2 + 1/2.
    const s = best([-1, 0, 0, 1, 0], [1, 1, 1, 1, 0], 4, {});
    expect(s.bin).toBe(2);
    expect(s.gain).toBeCloseTo(4 / 3, 12);
    expect(s.leftG).toBe(-1);
    expect(s.leftH).toBe(3);
    expect(s.leftC).toBe(3);
  });

  it('counts rows per bin as round(H_bin · count / H) from the right, the rest on the left', () => {
    // count / H = 10 / 2 = 5 rows per unit of hessian: bin 0 holds ≈ 8.4 rows, bins 1–4 ≈ 0.4 each,
    // which round to 0. The right child never reaches minDataInLeaf = 1, so nothing splits, although
    // unrounded sums (8.4 | 1.6) would allow threshold 0.
    const g = [-1, 0.25, 0.25, 0.25, 0.25, 0];
    const h = [1.68, 0.08, 0.08, 0.08, 0.08, 0];
    expect(best(g, h, 10, {}).feature).toBe(-1);
    // Heavier right bins (≈ 1 row each after rounding) make threshold 0 possible again: 4 rows right.
    const s = best(g, [1.2, 0.2, 0.2, 0.2, 0.2, 0], 10, {});
    expect(s.feature).toBe(0);
    expect(s.bin).toBe(0);
    expect(s.leftC).toBe(6);
  });

  it('sends missing rows left from the right-to-left scan, right from the left-to-right one', () => {
    // Value bins 0, 1 then the missing bin. Missing left: best 1/2 + 1/1 = 1.5 at threshold 0.
    // Missing right: threshold 1 (every value left, only missing rows right) gives 4/2 + 4/1 = 6.
    const s = best([1, 1, -2], [1, 1, 1], 3, {}, 1);
    expect(s.bin).toBe(1);
    expect(s.defaultLeft).toBe(false);
    expect(s.gain).toBeCloseTo(6, 12);
    // Missing rows like bin 0: the right-to-left scan puts them left, 2²/2 + 2²/1 = 6 at threshold 0.
    const m = best([1, -2, 1], [1, 1, 1], 3, {}, 1);
    expect(m.bin).toBe(0);
    expect(m.defaultLeft).toBe(true);
    expect(m.leftG).toBe(2);
    expect(m.gain).toBeCloseTo(6, 12);
  });

  it('without missing values in training, unseen NaN follows the child with more rows', () => {
    expect(best([-1, 0, 0, 1, 0], [1, 1, 1, 1, 0], 4, {}).defaultLeft).toBe(true);
    expect(best([-3, 1, 1, 1, 0], [1, 1, 1, 1, 0], 4, {}).defaultLeft).toBe(false);
  });
});
