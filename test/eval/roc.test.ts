import { describe, expect, it } from 'vitest';
import { createRng, DataValidationError } from '../../src/core/index.js';
import { ovrAuc, rocAuc, rocCurve } from '../../src/eval/index.js';

const f64 = (xs: number[]) => Float64Array.from(xs);
const u8 = (xs: number[]) => Uint8Array.from(xs);

describe('rocAuc', () => {
  it('gives tied positive/negative pairs half credit', () => {
    // positives {0.4, 0.8}, negatives {0.1, 0.4}; pairs (pos, neg):
    //   (0.4,0.1)=1  (0.4,0.4)=½  (0.8,0.1)=1  (0.8,0.4)=1  → 3.5 / (2·2) = 0.875
    // rank form: ranks 1, 2.5, 2.5, 4; R₊ = 2.5 + 4 = 6.5; (6.5 − 2·3/2) / 4 = 0.875
    expect(rocAuc(f64([0.1, 0.4, 0.4, 0.8]), u8([0, 0, 1, 1]))).toBe(0.875);
  });

  it('is 1 for a perfect ranking, 0 for a reversed one, ½ when every score is tied', () => {
    expect(rocAuc(f64([0.1, 0.2, 0.3]), u8([0, 1, 1]))).toBe(1);
    expect(rocAuc(f64([0.1, 0.2, 0.3]), u8([1, 0, 0]))).toBe(0);
    expect(rocAuc(f64([0.5, 0.5, 0.5, 0.5]), u8([1, 0, 1, 0]))).toBe(0.5);
  });

  it('is NaN when the labels hold a single class', () => {
    expect(Number.isNaN(rocAuc(f64([0.1, 0.9]), u8([1, 1])))).toBe(true);
    expect(Number.isNaN(rocAuc(f64([0.1, 0.9]), u8([0, 0])))).toBe(true);
  });

  it('matches brute-force pair counting on data with many ties', () => {
    const rng = createRng('auc-ties');
    const n = 300;
    const scores = new Float64Array(n);
    const pos = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      scores[i] = rng.int(7) / 7; // only 7 distinct values → heavy ties
      pos[i] = rng.next() < 0.3 + 0.5 * scores[i] ? 1 : 0;
    }
    let wins = 0;
    let pairs = 0;
    for (let i = 0; i < n; i++) {
      if (!pos[i]) continue;
      for (let j = 0; j < n; j++) {
        if (pos[j]) continue;
        pairs++;
        wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
      }
    }
    expect(rocAuc(scores, pos)).toBeCloseTo(wins / pairs, 12);
  });

  it('rejects NaN scores', () => {
    expect(() => rocAuc(f64([0.1, Number.NaN]), u8([0, 1]))).toThrow(DataValidationError);
  });
});

describe('ovrAuc', () => {
  it('scores each class by its own probability column; NaN for absent classes', () => {
    // K=2, labels [0,0,1,1]; column 1 = [0.1,0.4,0.4,0.8] → AUC_1 = 0.875 (see above);
    // column 0 = 1 − column 1 with class 0 positive: the same ranking reversed → 0.875.
    const proba = f64([0.9, 0.1, 0.6, 0.4, 0.6, 0.4, 0.2, 0.8]);
    expect(Array.from(ovrAuc(Int32Array.from([0, 0, 1, 1]), proba, 2))).toEqual([0.875, 0.875]);
    const single = ovrAuc(Int32Array.from([1, 1]), f64([0.3, 0.7, 0.6, 0.4]), 2);
    expect(Number.isNaN(single[0]) && Number.isNaN(single[1])).toBe(true);
  });
});

describe('rocCurve', () => {
  it('collapses tied scores into one point and runs from (0,0) to (1,1)', () => {
    // P = N = 2. Threshold 0.8: tp 1 → (0, ½). Threshold 0.4 takes the tied pos+neg at once:
    // tp 2, fp 1 → (½, 1). Threshold 0.1: fp 2 → (1, 1). Area = ½·(½+1)/2 + ½·1 = 0.875.
    expect(rocCurve(f64([0.1, 0.4, 0.4, 0.8]), u8([0, 0, 1, 1]))).toEqual([
      { fpr: 0, tpr: 0, threshold: Number.POSITIVE_INFINITY },
      { fpr: 0, tpr: 0.5, threshold: 0.8 },
      { fpr: 0.5, tpr: 1, threshold: 0.4 },
      { fpr: 1, tpr: 1, threshold: 0.1 },
    ]);
  });

  it('is empty when there are no negatives', () => {
    expect(rocCurve(f64([0.2, 0.3]), u8([1, 1]))).toEqual([]);
  });

  it('downsamples to maxPoints keeping both ends and monotone order', () => {
    const rng = createRng('roc-downsample');
    const n = 1000;
    const scores = new Float64Array(n);
    const pos = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      scores[i] = rng.next();
      pos[i] = rng.next() < scores[i] ? 1 : 0;
    }
    const full = rocCurve(scores, pos);
    expect(full.length).toBe(n + 1); // all scores distinct → one point each, plus (0,0)
    const small = rocCurve(scores, pos, { maxPoints: 200 });
    expect(small.length).toBe(200);
    expect(small[0]).toEqual({ fpr: 0, tpr: 0, threshold: Number.POSITIVE_INFINITY });
    expect(small[199].fpr).toBe(1);
    expect(small[199].tpr).toBe(1);
    for (let j = 1; j < small.length; j++) {
      expect(small[j].fpr).toBeGreaterThanOrEqual(small[j - 1].fpr);
      expect(small[j].tpr).toBeGreaterThanOrEqual(small[j - 1].tpr);
      expect(small[j].threshold).toBeLessThan(small[j - 1].threshold);
    }
  });
});
