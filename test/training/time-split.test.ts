import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/index.js';
import { purgedFolds, SPLIT, timeSplit, walkForwardFolds } from '../../src/training/index.js';

// 3 symbols share 100 daily timestamps; rows are (ts, symbol) sorted by time.
const T = 100;
const ts = Float64Array.from({ length: T * 3 }, (_, i) => Math.floor(i / 3) * 86_400_000);

describe('timeSplit', () => {
  it('splits by time with an embargo of h timestamps before each later split', () => {
    const h = 5;
    const s = timeSplit(ts, { validSize: 0.15, testSize: 0.2, embargo: h });
    // 100 timestamps: test = last 20, valid = 15 before it, train = first 65.
    // Train keeps timestamps 0..59 (65 − 5), valid keeps 65..74 (80 − 5), test 80..99.
    const idsAt = (k: number) => [0, 1, 2].map((j) => s.split[k * 3 + j]);
    expect(idsAt(59)).toEqual([SPLIT.TRAIN, SPLIT.TRAIN, SPLIT.TRAIN]);
    expect(idsAt(60)).toEqual([SPLIT.EMBARGO, SPLIT.EMBARGO, SPLIT.EMBARGO]);
    expect(idsAt(64)).toEqual([SPLIT.EMBARGO, SPLIT.EMBARGO, SPLIT.EMBARGO]);
    expect(idsAt(65)).toEqual([SPLIT.VALID, SPLIT.VALID, SPLIT.VALID]);
    expect(idsAt(74)).toEqual([SPLIT.VALID, SPLIT.VALID, SPLIT.VALID]);
    expect(idsAt(75)).toEqual([SPLIT.EMBARGO, SPLIT.EMBARGO, SPLIT.EMBARGO]);
    expect(idsAt(80)).toEqual([SPLIT.TEST, SPLIT.TEST, SPLIT.TEST]);
    expect(s.counts).toEqual({ train: 60 * 3, valid: 10 * 3, test: 20 * 3, embargo: 10 * 3 });
  });

  it('no training label window (t+1 … t+h) reaches a validation or test timestamp', () => {
    const h = 7;
    const s = timeSplit(ts, { validSize: 0.2, testSize: 0.2, embargo: h });
    const day = 86_400_000;
    let lastTrain = -1;
    let firstValid = Number.POSITIVE_INFINITY;
    let lastValid = -1;
    let firstTest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < ts.length; i++) {
      if (s.split[i] === SPLIT.TRAIN) lastTrain = Math.max(lastTrain, ts[i]);
      if (s.split[i] === SPLIT.VALID) {
        firstValid = Math.min(firstValid, ts[i]);
        lastValid = Math.max(lastValid, ts[i]);
      }
      if (s.split[i] === SPLIT.TEST) firstTest = Math.min(firstTest, ts[i]);
    }
    expect(lastTrain + h * day).toBeLessThan(firstValid);
    expect(lastValid + h * day).toBeLessThan(firstTest);
  });
});

describe('timeSplit on too little data', () => {
  const split = (embargo: number) => () => timeSplit(ts, { validSize: 0.15, testSize: 0.2, embargo });
  it('is a configuration error naming the split sizes and the fix, not a bug', () => {
    // 100 timestamps → 65 train / 15 valid / 20 test. An embargo of 15 empties the validation split.
    expect(split(14)).not.toThrow();
    expect(split(15)).toThrow(ConfigError);
    try {
      split(15)();
    } catch (err) {
      const e = err as ConfigError;
      expect(e.issues[0]).toMatchObject({ path: 'split.embargo_bars', value: 15 });
      expect(e.issues[0].message).toContain('leaves 50 training and 0 validation timestamps of 100');
      expect(e.issues[0].fix).toContain('teacher.horizon');
    }
  });

  it('also when the training split would keep fewer than 2 timestamps', () => {
    const short = Float64Array.from({ length: 10 }, (_, i) => i * 86_400_000);
    // 10 timestamps → 2 test, 2 valid (rounded, at least 1), 6 train; embargo 1 leaves 5 train, 1 valid.
    expect(() => timeSplit(short, { validSize: 0.15, testSize: 0.2, embargo: 1 })).not.toThrow();
    expect(() => timeSplit(short, { validSize: 0.15, testSize: 0.2, embargo: 5 })).toThrow(
      /the embargo does not fit the data/,
    );
  });
});

describe('folds', () => {
  const rows = Int32Array.from({ length: ts.length }, (_, i) => i);
  it('purged folds never fit on rows within the embargo of the predicted block', () => {
    const folds = purgedFolds(ts, rows, 4, 3);
    expect(folds).toHaveLength(4);
    const covered = new Set<number>();
    for (const f of folds) {
      const lo = Math.min(...Array.from(f.predict, (r) => ts[r]));
      const hi = Math.max(...Array.from(f.predict, (r) => ts[r]));
      for (const r of f.fit) expect(ts[r] < lo - 3 * 86_400_000 || ts[r] > hi + 3 * 86_400_000).toBe(true);
      for (const r of f.predict) covered.add(r);
    }
    expect(covered.size).toBe(rows.length); // every row gets an out-of-fold prediction
  });

  it('walk-forward folds fit only on the past, before an embargo', () => {
    for (const f of walkForwardFolds(ts, rows, 3, 2)) {
      const lo = Math.min(...Array.from(f.predict, (r) => ts[r]));
      expect(Math.max(...Array.from(f.fit, (r) => ts[r]))).toBeLessThan(lo - 2 * 86_400_000);
    }
  });
});
