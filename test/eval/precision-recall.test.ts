import { describe, expect, it } from 'vitest';
import { ConfigError, createRng } from '../../src/core/index.js';
import { precisionRecallCurve } from '../../src/eval/index.js';

const f64 = (xs: number[]) => Float64Array.from(xs);
const u8 = (xs: number[]) => Uint8Array.from(xs);

/** Naive reference: for every distinct threshold (descending), count TP/FP over all rows. */
function naive(scores: number[], pos: number[]) {
  const P = pos.filter(Boolean).length;
  const thresholds = [...new Set(scores)].sort((a, b) => b - a);
  const pts = [{ recall: 0, precision: 1 }];
  let ap = 0;
  for (const t of thresholds) {
    let tp = 0;
    let fp = 0;
    scores.forEach((s, i) => {
      if (s >= t) pos[i] ? tp++ : fp++;
    });
    const r = tp / P;
    const p = tp / (tp + fp);
    ap += (r - pts[pts.length - 1].recall) * p;
    pts.push({ recall: r, precision: p });
  }
  return { pts, ap };
}

describe('precisionRecallCurve', () => {
  it('collapses ties into one point and starts at (recall 0, precision 1)', () => {
    // desc: 0.9 pos; 0.5 {pos, neg} tied; 0.1 neg → (½, 1), (1, ⅔), (1, ½)
    const c = precisionRecallCurve(f64([0.1, 0.5, 0.5, 0.9]), u8([0, 1, 0, 1]));
    expect(c.points.map((p) => [p.recall, p.precision])).toEqual([
      [0, 1],
      [0.5, 1],
      [1, 2 / 3],
      [1, 0.5],
    ]);
    expect(c.points[0].threshold).toBe(Number.POSITIVE_INFINITY);
    expect(c.points.map((p) => p.threshold).slice(1)).toEqual([0.9, 0.5, 0.1]);
    // AP = ½·1 + ½·⅔ + 0 = 5/6
    expect(c.averagePrecision).toBeCloseTo(5 / 6, 15);
  });

  it('is empty with NaN average precision when there are no positives; precision 1 without negatives', () => {
    const none = precisionRecallCurve(f64([0.2, 0.4]), u8([0, 0]));
    expect(none.points).toEqual([]);
    expect(Number.isNaN(none.averagePrecision)).toBe(true);
    const all = precisionRecallCurve(f64([0.2, 0.4]), u8([1, 1]));
    expect(all.points.map((p) => p.precision)).toEqual([1, 1, 1]);
    expect(all.averagePrecision).toBe(1);
  });

  it('matches a naive threshold sweep on data with many ties, and thinning keeps both ends', () => {
    const rng = createRng('pr-ties');
    const n = 400;
    const scores: number[] = [];
    const pos: number[] = [];
    for (let i = 0; i < n; i++) {
      scores.push(rng.int(9) / 9);
      pos.push(rng.next() < 0.2 + 0.6 * scores[i] ? 1 : 0);
    }
    const ref = naive(scores, pos);
    const got = precisionRecallCurve(f64(scores), u8(pos));
    expect(got.points.length).toBe(ref.pts.length);
    got.points.forEach((p, i) => {
      expect(p.recall).toBeCloseTo(ref.pts[i].recall, 14);
      expect(p.precision).toBeCloseTo(ref.pts[i].precision, 14);
    });
    expect(got.averagePrecision).toBeCloseTo(ref.ap, 14);
    const thin = precisionRecallCurve(f64(scores), u8(pos), { maxPoints: 4 });
    expect(thin.points).toHaveLength(4);
    expect(thin.points[0]).toEqual(got.points[0]);
    expect(thin.points[3]).toEqual(got.points[got.points.length - 1]);
    expect(thin.averagePrecision).toBe(got.averagePrecision);
    expect(() => precisionRecallCurve(f64(scores), u8(pos), { maxPoints: 1 })).toThrow(ConfigError);
  });
});
