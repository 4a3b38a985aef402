import { describe, expect, it } from 'vitest';
import { DataValidationError } from '../../src/core/index.js';
import {
  brierScore,
  calibrationCurve,
  confidenceBin,
  expectedCalibrationError,
  logLoss,
} from '../../src/eval/index.js';

const f64 = (xs: number[]) => Float64Array.from(xs);
const i32 = (xs: number[]) => Int32Array.from(xs);

// K = 2. Top-label confidence, hit?, bin (b covers (b/15, (b+1)/15]):
//   [0.9,0.1]  y=0 → 0.90 hit  → 0.9·15 = 13.5  → bin 13
//   [0.95,0.05] y=1 → 0.95 miss → 14.25         → bin 14
//   [0.4,0.6]  y=1 → 0.60 hit  → 9 (on the edge 9/15, right-closed) → bin 8
//   [0.6,0.4]  y=1 → 0.60 miss → bin 8
// bin 8: n=2, conf 0.6, acc 0.5 → (2/4)·0.1 = 0.05; bin 13: (1/4)·|1 − 0.9| = 0.025;
// bin 14: (1/4)·|0 − 0.95| = 0.2375; the 12 empty bins add 0. ECE = 0.3125
const Y = i32([0, 1, 1, 1]);
const P = f64([0.9, 0.1, 0.95, 0.05, 0.4, 0.6, 0.6, 0.4]);

describe('expectedCalibrationError', () => {
  it('weights non-empty bins by their share of rows; empty bins add nothing', () => {
    expect(expectedCalibrationError(Y, P, 2)).toBeCloseTo(0.3125, 12);
  });

  it('is 0 for a perfectly calibrated certain classifier', () => {
    expect(expectedCalibrationError(i32([0, 1]), f64([1, 0, 0, 1]), 2)).toBe(0);
  });
});

describe('calibrationCurve', () => {
  it('lists only the non-empty bins with mean confidence and accuracy', () => {
    const curve = calibrationCurve(Y, P, 2);
    expect(curve.map((b) => b.bin)).toEqual([8, 13, 14]);
    expect(curve.map((b) => b.count)).toEqual([2, 1, 1]);
    expect(curve[0].lower).toBeCloseTo(8 / 15, 15);
    expect(curve[0].upper).toBeCloseTo(9 / 15, 15);
    expect(curve[0].confidence).toBeCloseTo(0.6, 12);
    expect(curve[0].accuracy).toBe(0.5);
    expect(curve[1].accuracy).toBe(1);
    expect(curve[2].confidence).toBeCloseTo(0.95, 12);
    expect(curve[2].accuracy).toBe(0);
  });
});

describe('confidenceBin', () => {
  it('uses right-closed bins, with 0 in the first bin and 1 in the last', () => {
    expect(confidenceBin(0, 15)).toBe(0);
    expect(confidenceBin(1 / 15, 15)).toBe(0);
    expect(confidenceBin(1 / 15 + 1e-12, 15)).toBe(1);
    expect(confidenceBin(1 / 3, 15)).toBe(4); // 1/3 = 5/15 is the upper edge of bin 4
    expect(confidenceBin(0.6, 15)).toBe(8);
    expect(confidenceBin(1, 15)).toBe(14);
  });
});

describe('brierScore', () => {
  it('sums squared errors over classes and averages over rows', () => {
    // row 0: p=[0.7,0.2,0.1], y=0 → 0.3² + 0.2² + 0.1² = 0.09 + 0.04 + 0.01 = 0.14
    // row 1: p=[0.5,0.3,0.2], y=2 → 0.5² + 0.3² + 0.8² = 0.25 + 0.09 + 0.64 = 0.98
    // mean = 1.12 / 2 = 0.56
    expect(brierScore(i32([0, 2]), f64([0.7, 0.2, 0.1, 0.5, 0.3, 0.2]), 3)).toBeCloseTo(0.56, 12);
  });

  it('reaches 2 when certain and wrong', () => {
    // (1 − 0)² + (0 − 1)² = 2
    expect(brierScore(i32([1]), f64([1, 0, 0]), 3)).toBe(2);
  });

  it('rejects rows that are not probability vectors', () => {
    expect(() => brierScore(i32([0]), f64([0.7, 0.7, 0.1]), 3)).toThrow(DataValidationError);
    expect(() => brierScore(i32([0]), f64([Number.NaN, 0.5, 0.5]), 3)).toThrow(DataValidationError);
    expect(() => brierScore(i32([0]), f64([0.5, 0.5]), 3)).toThrow(DataValidationError);
  });
});

describe('logLoss', () => {
  it('averages −ln p(actual)', () => {
    // −(ln 0.7 + ln 0.2)/2 = (0.356674943938732 + 1.6094379124341003)/2 ≈ 0.983056428186416
    expect(logLoss(i32([0, 2]), f64([0.7, 0.2, 0.1, 0.5, 0.3, 0.2]), 3)).toBeCloseTo(0.983056428186416, 12);
  });

  it('clips p = 0 to 1e−15 instead of returning Infinity', () => {
    // −ln(1e−15) = 15·ln 10 = 34.538776394910684
    expect(logLoss(i32([1]), f64([1, 0]), 2)).toBeCloseTo(34.538776394910684, 9);
  });
});
