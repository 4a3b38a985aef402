import { describe, expect, it } from 'vitest';
import { precisionRecallCurve } from '../../src/eval/index.js';

const f64 = (xs: number[]) => Float64Array.from(xs);

describe('precisionRecallCurve', () => {
  it('one point per distinct score from (0, 1), and average precision (worked by hand)', () => {
    // scores 0.9+ 0.8− 0.7+ 0.6− (P = 2). Thresholds high → low:
    //   ≥0.9: tp 1 fp 0 → R .5 P 1;  ≥0.8: tp 1 fp 1 → R .5 P .5;  ≥0.7: tp 2 fp 1 → R 1 P 2/3;  ≥0.6: R 1 P .5
    // AP = .5·1 + 0·.5 + .5·(2/3) + 0 = 0.8333… (scikit-learn's average_precision_score gives the same)
    const c = precisionRecallCurve(f64([0.9, 0.8, 0.7, 0.6]), [1, 0, 1, 0]);
    expect(c.points.map((p) => [p.recall, +p.precision.toFixed(6)])).toEqual([
      [0, 1],
      [0.5, 1],
      [0.5, 0.5],
      [1, 0.666667],
      [1, 0.5],
    ]);
    expect(c.averagePrecision).toBeCloseTo(5 / 6, 14);
  });

  it('collapses ties into one point and thins to maxPoints keeping both ends', () => {
    const c = precisionRecallCurve(f64([0.5, 0.5, 0.5, 0.1]), [1, 0, 1, 0]);
    // ≥0.5: tp 2 fp 1 → R 1 P 2/3; ≥0.1: R 1 P .5; AP = 1·2/3
    expect(c.points).toHaveLength(3);
    expect(c.averagePrecision).toBeCloseTo(2 / 3, 14);
    const scores = f64(Array.from({ length: 100 }, (_, i) => i / 100));
    const thin = precisionRecallCurve(
      scores,
      Array.from({ length: 100 }, (_, i) => i % 2),
      { maxPoints: 10 },
    );
    expect(thin.points).toHaveLength(10);
    expect(thin.points[0].recall).toBe(0);
    expect(thin.points[9].recall).toBe(1);
  });

  it('is empty with AP NaN without positives', () => {
    const c = precisionRecallCurve(f64([0.2, 0.4]), [0, 0]);
    expect(c.points).toEqual([]);
    expect(Number.isNaN(c.averagePrecision)).toBe(true);
  });
});
