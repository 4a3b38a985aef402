import { describe, expect, it } from 'vitest';
import { ConfigError, DataValidationError } from '../../src/core/index.js';
import {
  accuracy,
  argmaxLabels,
  confusionMatrix,
  confusionCells,
  macroF1,
  precisionRecallF1,
} from '../../src/eval/index.js';

const i32 = (xs: number[]) => Int32Array.from(xs);

describe('confusionMatrix', () => {
  it('has actual classes on rows and predicted classes on columns', () => {
    // (actual, predicted): (0,1) (0,0) (1,1) (2,1)
    const m = confusionMatrix(i32([0, 0, 1, 2]), i32([1, 0, 1, 1]), 3);
    expect(m).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [0, 1, 0],
    ]);
  });

  it('accepts Int8Array labels', () => {
    expect(confusionMatrix(Int8Array.from([1, 1]), Int8Array.from([0, 1]), 2)).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('rejects labels outside [0, K) (e.g. the −1 of excluded rows)', () => {
    expect(() => confusionMatrix(Int8Array.from([0, -1]), Int8Array.from([0, 0]), 3)).toThrow(
      DataValidationError,
    );
    expect(() => confusionMatrix(i32([0, 3]), i32([0, 0]), 3)).toThrow(DataValidationError);
    expect(() => confusionMatrix(i32([0, 1]), i32([0]), 3)).toThrow(DataValidationError);
  });
});

describe('confusionCells', () => {
  it('lists every cell row-major with its count, default names CLASSES', () => {
    expect(
      confusionCells(
        [
          [2, 0],
          [1, 3],
        ],
        ['neg', 'pos'],
      ),
    ).toEqual([
      { actual: 'neg', predicted: 'neg', count: 2 },
      { actual: 'neg', predicted: 'pos', count: 0 },
      { actual: 'pos', predicted: 'neg', count: 1 },
      { actual: 'pos', predicted: 'pos', count: 3 },
    ]);
    expect(confusionCells(confusionMatrix(i32([0, 2]), i32([1, 2]), 3)).filter((c) => c.count > 0)).toEqual([
      { actual: 'LONG', predicted: 'SHORT', count: 1 },
      { actual: 'NOOP', predicted: 'NOOP', count: 1 },
    ]);
    expect(() => confusionCells([[1]], ['a', 'b'])).toThrow(ConfigError);
  });
});

describe('accuracy / precision / recall / F1', () => {
  it('handles a class that is never predicted (precision 0, not NaN)', () => {
    // yTrue [0,0,1,2], yPred [1,0,1,1]
    // TP = [1,1,0]; predicted = [1,3,0]; support = [2,1,1]
    // precision = [1/1, 1/3, 0/0→0]; recall = [1/2, 1/1, 0/1]
    // F1 = 2TP/(support+predicted) = [2/3, 2/4, 0]; macro = (2/3 + 1/2 + 0)/3 = 7/18
    const yTrue = i32([0, 0, 1, 2]);
    const yPred = i32([1, 0, 1, 1]);
    const s = precisionRecallF1(yTrue, yPred, 3);
    expect(Array.from(s.precision)).toEqual([1, 1 / 3, 0]);
    expect(Array.from(s.recall)).toEqual([0.5, 1, 0]);
    expect(s.f1[0]).toBeCloseTo(2 / 3, 12);
    expect(s.f1[1]).toBeCloseTo(0.5, 12);
    expect(s.f1[2]).toBe(0);
    expect(macroF1(yTrue, yPred, 3)).toBeCloseTo(7 / 18, 12);
    expect(accuracy(yTrue, yPred)).toBe(0.5);
  });

  it('keeps a class absent from the labels but predicted in the macro average (recall 0)', () => {
    // yTrue [0,0,1,1], yPred [0,2,1,1]: class 2 has support 0, predicted once.
    // F1 = 2TP/(support+predicted) = [2·1/(2+1), 2·2/(2+2), 2·0/(0+1)] = [2/3, 1, 0];
    // macro over {0,1,2} = (2/3 + 1 + 0)/3 = 5/9 (scikit-learn's macro f1_score agrees: it
    // averages over the union of the classes in y_true and y_pred)
    const s = precisionRecallF1(i32([0, 0, 1, 1]), i32([0, 2, 1, 1]), 3);
    expect(s.recall[2]).toBe(0);
    expect(s.precision[2]).toBe(0);
    expect(Array.from(s.present)).toEqual([1, 1, 1]);
    expect(macroF1(i32([0, 0, 1, 1]), i32([0, 2, 1, 1]), 3)).toBeCloseTo(5 / 9, 12);
  });

  it('excludes a class absent from both labels and predictions from the macro average', () => {
    // yTrue [0,0,1,1], yPred [0,1,1,1]: class 2 nowhere.
    // F1_0 = 2·1/(2+1) = 2/3, F1_1 = 2·2/(2+3) = 4/5; macro over {0,1} = (2/3 + 4/5)/2 = 11/15
    // (averaging over all 3 would give 22/45 ≈ 0.489 instead)
    const s = precisionRecallF1(i32([0, 0, 1, 1]), i32([0, 1, 1, 1]), 3);
    expect(Array.from(s.present)).toEqual([1, 1, 0]);
    expect(macroF1(i32([0, 0, 1, 1]), i32([0, 1, 1, 1]), 3)).toBeCloseTo(11 / 15, 12);
  });

  it('argmax breaks ties toward the lowest class index', () => {
    // rows: [0.2,0.5,0.3] → 1; [0.4,0.4,0.2] → 0 (tie); [0.1,0.2,0.7] → 2
    const p = Float64Array.from([0.2, 0.5, 0.3, 0.4, 0.4, 0.2, 0.1, 0.2, 0.7]);
    expect(Array.from(argmaxLabels(p, 3))).toEqual([1, 0, 2]);
  });
});
