import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/index.js';
import { evaluateClassifier } from '../../src/eval/index.js';

function hasNaN(x: unknown): boolean {
  if (typeof x === 'number') return Number.isNaN(x);
  if (x !== null && typeof x === 'object') return Object.values(x).some(hasNaN);
  return false;
}

// yTrue = [LONG, SHORT, NOOP, LONG]; argmax → [LONG, SHORT, LONG, SHORT]; NOOP is never predicted.
const Y = Int32Array.from([0, 1, 2, 0]);
const P = Float64Array.from([0.6, 0.3, 0.1, 0.2, 0.7, 0.1, 0.5, 0.3, 0.2, 0.3, 0.6, 0.1]);

describe('evaluateClassifier', () => {
  const { report, curves } = evaluateClassifier(Y, P, 3);

  it('computes the scalar metrics of a hand-worked case', () => {
    const m = report.test_metrics;
    expect(report.n).toBe(4);
    expect(m.accuracy).toBe(0.5); // rows 0 and 1 right
    // predicted LONG = rows 0,2 (1 right), SHORT = rows 1,3 (1 right), NOOP never → 0
    expect(m.precision).toEqual({ LONG: 0.5, SHORT: 0.5, NOOP: 0 });
    // actual LONG = rows 0,3 (1 found), SHORT = row 1 (found), NOOP = row 2 (missed)
    expect(m.recall).toEqual({ LONG: 0.5, SHORT: 1, NOOP: 0 });
    // F1 = 2TP/(support + predicted): LONG 2/4, SHORT 2/3, NOOP 0 → macro 7/18
    expect(m.f1_score.LONG).toBeCloseTo(0.5, 12);
    expect(m.f1_score.SHORT).toBeCloseTo(2 / 3, 12);
    expect(m.f1_score.NOOP).toBe(0);
    expect(m.macro_avg_f1).toBeCloseTo(7 / 18, 12);
    // AUC LONG: pos {0.6,0.3} vs neg {0.2,0.5}: 1+1+1+0 = 3/4. SHORT: 0.7 above {0.3,0.3,0.6} → 1.
    // NOOP: 0.2 above {0.1,0.1,0.1} → 1. macro = 2.75/3.
    expect(m.auc).toEqual({ LONG: 0.75, SHORT: 1, NOOP: 1 });
    expect(m.macro_auc).toBeCloseTo(2.75 / 3, 12);
    // −(ln 0.6 + ln 0.7 + ln 0.2 + ln 0.3)/4 = 3.6809112844647596/4
    expect(m.log_loss).toBeCloseTo(0.9202278211161899, 12);
    // Brier rows: 0.4²+0.3²+0.1² = 0.26, 0.2²+0.3²+0.1² = 0.14, 0.5²+0.3²+0.8² = 0.98,
    // 0.7²+0.6²+0.1² = 0.86 → 2.24/4 = 0.56
    expect(report.calibration_metrics.brier_score).toBeCloseTo(0.56, 12);
    // confidences 0.6 hit, 0.7 hit, 0.5 miss, 0.6 miss → bins 8 {0.6,0.6}, 10 {0.7}, 7 {0.5}
    // ECE = (|1 − 1.2| + |1 − 0.7| + |0 − 0.5|) / 4 = 1.0/4 = 0.25
    expect(report.calibration_metrics.expected_calibration_error).toBeCloseTo(0.25, 12);
    expect(report.confusion_matrix).toEqual({
      LONG: { LONG: 1, SHORT: 1, NOOP: 0 },
      SHORT: { LONG: 0, SHORT: 1, NOOP: 0 },
      NOOP: { LONG: 1, SHORT: 0, NOOP: 0 },
    });
  });

  it('has no NaN anywhere although NOOP is never predicted', () => {
    expect(hasNaN(report)).toBe(false);
    expect(hasNaN(curves)).toBe(false);
  });

  it('builds the plot curves', () => {
    expect(curves.calibration.map((b) => [b.bin, b.count])).toEqual([
      [7, 1],
      [8, 2],
      [10, 1],
    ]);
    // SHORT scores desc: 0.7 pos → (0,1); 0.6 neg → (⅓,1); 0.3,0.3 neg → (1,1)
    expect(curves.roc.SHORT.map((p) => [p.fpr, p.tpr])).toEqual([
      [0, 0],
      [0, 1],
      [1 / 3, 1],
      [1, 1],
    ]);
    // Every cell of the confusion matrix above, zeros included, row-major by actual class.
    expect(curves.confusion).toEqual([
      { actual: 'LONG', predicted: 'LONG', count: 1 },
      { actual: 'LONG', predicted: 'SHORT', count: 1 },
      { actual: 'LONG', predicted: 'NOOP', count: 0 },
      { actual: 'SHORT', predicted: 'LONG', count: 0 },
      { actual: 'SHORT', predicted: 'SHORT', count: 1 },
      { actual: 'SHORT', predicted: 'NOOP', count: 0 },
      { actual: 'NOOP', predicted: 'LONG', count: 1 },
      { actual: 'NOOP', predicted: 'SHORT', count: 0 },
      { actual: 'NOOP', predicted: 'NOOP', count: 0 },
    ]);
    // LONG scores desc 0.6(pos) 0.5(neg) 0.3(pos) 0.2(neg): (R, P) = (½, 1), (½, ½), (1, ⅔), (1, ½)
    expect(curves.precision_recall.LONG.map((p) => [p.recall, p.precision])).toEqual([
      [0, 1],
      [0.5, 1],
      [0.5, 0.5],
      [1, 2 / 3],
      [1, 0.5],
    ]);
    // AP = ½·1 + 0·½ + ½·⅔ + 0·½ = 5/6; NOOP: the one positive scores highest → 1
    expect(report.test_metrics.average_precision.LONG).toBeCloseTo(5 / 6, 12);
    expect(report.test_metrics.average_precision.NOOP).toBe(1);
  });

  it('reports undefined AUCs as null when the labels hold one class', () => {
    const out = evaluateClassifier(
      Int32Array.from([0, 0]),
      Float64Array.from([0.5, 0.3, 0.2, 0.2, 0.3, 0.5]),
      3,
    );
    expect(out.report.test_metrics.auc).toEqual({ LONG: null, SHORT: null, NOOP: null });
    expect(out.report.test_metrics.macro_auc).toBeNull();
    expect(out.curves.roc.LONG).toEqual([]);
    // SHORT and NOOP are absent from labels; NOOP is predicted once, SHORT never → macro over
    // {LONG, NOOP}: F1_LONG = 2·1/(2+1) = 2/3, F1_NOOP = 0 → 1/3
    expect(out.report.test_metrics.macro_avg_f1).toBeCloseTo(1 / 3, 12);
    expect(JSON.parse(JSON.stringify(out.report)).test_metrics.auc.LONG).toBeNull();
    expect(hasNaN(out.report)).toBe(false);
  });

  it('uses custom class names and rejects a names/K mismatch', () => {
    const out = evaluateClassifier(Int32Array.from([0, 1]), Float64Array.from([0.8, 0.2, 0.3, 0.7]), 2, [
      'down',
      'up',
    ]);
    expect(out.report.test_metrics.auc).toEqual({ down: 1, up: 1 });
    expect(() =>
      evaluateClassifier(Int32Array.from([0, 1]), Float64Array.from([0.8, 0.2, 0.3, 0.7]), 2),
    ).toThrow(ConfigError);
  });
});
