import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/index.js';
import {
  binOf,
  computeUppers,
  gbdtOptionsSchema,
  parseGbdtOptions,
  trainGbdt,
} from '../../../src/models/gbdt/index.js';
import { accuracy, ds, xorData } from './helpers.js';

/** LightGBM's kZeroThreshold: 1e-35 as a float. */
const ZERO = Math.fround(1e-35);

describe('trainGbdt: hand-checked cases', () => {
  it('makes one split at the midpoint with leaf values -G/(H+λ)·lr', () => {
    const x = ds([[1, 2, 3, 4, 5, 6, 7, 8]]);
    const y = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
    const m = trainGbdt(
      { x, y },
      {
        numClasses: 2,
        numRounds: 1,
        numLeaves: 2,
        minDataInLeaf: 1,
        minDataInBin: 1,
        lambdaL2: 1,
        learningRate: 0.1,
      },
    );
    // Priors 1/2 → every p = 0.5. Class 0: g = p−1 = −0.5 (y=0 rows), +0.5 (y=1 rows);
    // h = K/(K−1)·p(1−p) = 2·0.25 = 0.5. Split x <= 4.5: left G=−2, H=2; right G=2, H=2.
    // Left value = −(−2)/(2+1)·0.1 = 0.0666…, right = −0.0666…; gain = 4/3 + 4/3 − 0 = 8/3.
    expect(m.initScore[0]).toBeCloseTo(Math.log(0.5), 15);
    expect(m.trees).toHaveLength(2);
    const t0 = m.trees[0];
    expect(Array.from(t0.feature)).toEqual([0]);
    expect(t0.threshold[0]).toBe(4.5);
    expect(t0.leafValue[0]).toBeCloseTo(2 / 30, 14);
    expect(t0.leafValue[1]).toBeCloseTo(-2 / 30, 14);
    expect(t0.gain[0]).toBeCloseTo(8 / 3, 12);
    // Class 1 is the mirror image.
    expect(m.trees[1].leafValue[0]).toBeCloseTo(-2 / 30, 14);
    // Raw score of x=1 for class 0: log 0.5 + 0.0666…
    expect(m.predictRaw(ds([[1]]))[0]).toBeCloseTo(Math.log(0.5) + 2 / 30, 14);
  });

  it('does not split when minDataInLeaf cannot be met on both sides', () => {
    const x = ds([[1, 2, 3, 4, 5, 6, 7, 8]]);
    const y = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
    const m = trainGbdt({ x, y }, { numClasses: 2, numRounds: 1, minDataInLeaf: 5 });
    expect(m.trees[0].feature.length).toBe(0);
    // G = 4·(−0.5) + 4·0.5 = 0 → the single leaf is 0.
    expect(Math.abs(m.trees[0].leafValue[0])).toBe(0);
  });

  it('starts from the log class priors', () => {
    const x = ds([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]);
    const y = Int32Array.from([0, 0, 0, 0, 0, 0, 1, 1, 1, 2]);
    const m = trainGbdt({ x, y }, { numClasses: 3, numRounds: 0 });
    expect(Array.from(m.initScore)).toEqual([Math.log(0.6), Math.log(0.3), Math.log(0.1)]);
    const p = m.predictProba(ds([[3]]));
    expect(p[0]).toBeCloseTo(0.6, 12);
    expect(p[1]).toBeCloseTo(0.3, 12);
    expect(p[2]).toBeCloseTo(0.1, 12);
  });

  it('weights the priors by the row weights', () => {
    const x = ds([[0, 1, 2, 3]]);
    const y = Int32Array.from([0, 0, 1, 1]);
    const m = trainGbdt({ x, y, weight: Float64Array.from([3, 3, 1, 1]) }, { numClasses: 2, numRounds: 0 });
    expect(m.initScore[0]).toBeCloseTo(Math.log(0.75), 15);
    expect(m.initScore[1]).toBeCloseTo(Math.log(0.25), 15);
  });
});

describe('trainGbdt: learning', () => {
  it('learns XOR, which an additive (one-split-per-tree) model cannot', () => {
    const train = xorData(3000, 1);
    const test = xorData(1000, 2);
    const opts = { numClasses: 2, numRounds: 60, learningRate: 0.2 };
    const deep = trainGbdt(train, { ...opts, numLeaves: 8 });
    const stumps = trainGbdt(train, { ...opts, numLeaves: 2 });
    expect(accuracy(deep.predictProba(test.x), test.y, 2)).toBeGreaterThan(0.93);
    // f(x0) + f(x1) has no interaction term, so XOR stays near chance (like logistic regression).
    expect(accuracy(stumps.predictProba(test.x), test.y, 2)).toBeLessThan(0.65);
  });

  it('respects numLeaves and maxDepth', () => {
    const train = xorData(2000, 3);
    const m = trainGbdt(train, { numClasses: 2, numRounds: 3, numLeaves: 31, maxDepth: 2 });
    for (const t of m.trees) expect(t.leafValue.length).toBeLessThanOrEqual(4);
    const m2 = trainGbdt(train, { numClasses: 2, numRounds: 3, numLeaves: 5, minDataInLeaf: 1 });
    for (const t of m2.trees) expect(t.leafValue.length).toBe(5);
  });

  it('learns a default direction for missing values', () => {
    // Class 1 rows have x0 missing 80% of the time; class 0 rows never do.
    const n = 2000;
    const x0 = new Float64Array(n);
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = i % 2;
      x0[i] = y[i] === 1 && i % 10 !== 1 ? Number.NaN : (i % 97) / 97;
    }
    const m = trainGbdt({ x: ds([x0]), y }, { numClasses: 2, numRounds: 30, learningRate: 0.3 });
    const p = m.predictProba(ds([[Number.NaN, 0.5]]));
    // NaN row → class 1 (900 of 900 NaN rows); x0 = 0.5 → class 0 (1000 of 1100 non-NaN rows).
    expect(p[1]).toBeGreaterThan(0.9);
    expect(p[3]).toBeLessThan(0.3);
    expect(m.trees[0].defaultLeft.length).toBeGreaterThan(0);
  });

  it('sends NaN to the larger child when no NaN was seen in training', () => {
    const x = ds([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]);
    const y = Int32Array.from([0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
    const m = trainGbdt({ x, y }, { numClasses: 2, numRounds: 1, numLeaves: 2, minDataInLeaf: 1 });
    expect(m.trees[0].threshold[0]).toBe(3.5);
    expect(m.trees[0].defaultLeft[0]).toBe(0);
    const raw = m.predictRaw(ds([[Number.NaN, 9]]));
    expect(raw[0]).toBe(raw[2]);
  });
});

describe('binning and options', () => {
  it('uses midpoints between distinct values, a zero bin and a missing bin', () => {
    const col = Float64Array.from([3, 1, 2, 2, Number.NaN, 1]);
    // One bin per value with minDataInBin 1; zero gets (−1e-35, 1e-35] even when absent (LightGBM).
    const u = computeUppers(col, 255, 1);
    expect(Array.from(u)).toEqual([ZERO, 1.5, 2.5]);
    expect(binOf(u, 1.5)).toBe(1);
    expect(binOf(u, 2)).toBe(2);
    expect(binOf(u, 99)).toBe(3);
    expect(binOf(u, Number.NaN)).toBe(4);
    // With LightGBM's default of 3 values per bin, 1 (twice) shares a bin with 2 (4 values so far).
    expect(Array.from(computeUppers(col, 255))).toEqual([ZERO, 2.5]);
  });

  it('gives zero its own bin and shares the others between negatives and positives', () => {
    const u = computeUppers(Float64Array.from([-2, -1, 0, -0, 1e-36, 1, 2]), 255, 1);
    // Negatives: one bin per value, the last one ending at −1e-35; zeros (|x| <= 1e-35); positives.
    expect(Array.from(u)).toEqual([-1.5, -ZERO, ZERO, 1.5]);
    expect(Array.from([-2, -1, 0, 1e-36, 1, 2], (v) => binOf(u, v))).toEqual([0, 1, 2, 2, 3, 4]);
  });

  it('caps the bins at maxBin with equal-frequency cuts, a heavy value in a bin of its own', () => {
    const even = Float64Array.from({ length: 1000 }, (_, i) => i);
    // 0 is the zero bin; 999 positives share the 3 other bins, 333 each.
    expect(Array.from(computeUppers(even, 4))).toEqual([ZERO, 333.5, 666.5]);
    // 1..600 once each and 1000 four hundred times: 1000 takes a bin (400 >= 1000/3), the 600 others
    // split evenly over the 2 bins left, cut at the midpoints 300.5 and (600 + 1000) / 2.
    const heavy = Float64Array.from({ length: 1000 }, (_, i) => (i < 600 ? i + 1 : 1000));
    expect(Array.from(computeUppers(heavy, 4))).toEqual([ZERO, 300.5, 800]);
  });

  it('bins like LightGBM 4.7 on a column with ties, zeros and negatives', () => {
    const col = Float64Array.from({ length: 2000 }, (_, i) =>
      i % 3 === 0 ? Math.sin(i * 1.3) * 3 : Math.round(Math.sin(i * 0.7) * 20) / 4,
    );
    const u = computeUppers(col, 16);
    const counts = new Array(u.length + 1).fill(0);
    for (const v of col) counts[binOf(u, v)]++;
    // Rows per bin from lightgbm 4.7.0 (max_bin=16, min_data_in_bin=3) on these very doubles, read
    // with Dataset._dump_text; bin 7 is the zero bin.
    expect(counts).toEqual([160, 155, 134, 142, 136, 143, 114, 22, 125, 141, 122, 122, 149, 113, 117, 105]);
  });

  it('fills defaults, describes every key and rejects bad values with ConfigError', () => {
    const o = parseGbdtOptions({});
    expect(o).toMatchObject({
      numClasses: 3,
      numRounds: 200,
      learningRate: 0.05,
      numLeaves: 31,
      maxBin: 255,
    });
    for (const [key, schema] of Object.entries(gbdtOptionsSchema.shape)) {
      expect(schema.description, key).toBeTruthy();
    }
    expect(() => parseGbdtOptions({ numLeaves: 1 })).toThrow(ConfigError);
    try {
      parseGbdtOptions({ learningRate: -1 });
    } catch (e) {
      expect((e as ConfigError).issues[0].path).toBe('learningRate');
    }
    const x = ds([[1, 2]]);
    expect(() => trainGbdt({ x, y: Int32Array.from([0, 5]) }, { numClasses: 2 })).toThrow(ConfigError);
  });
});
