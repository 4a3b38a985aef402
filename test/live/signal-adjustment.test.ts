import { describe, expect, it } from 'vitest';
import { adjustmentFactor, signalTarget, studentTarget } from '../../src/live/index.js';
import { LONG, NOOP, SHORT } from '../../src/labels/index.js';

describe('the reference signal adjustment', () => {
  it('×1.2 when the student agrees at confidence ≥ threshold, ×0.5 when it predicts anything else', () => {
    const th = 0.6;
    // [direction, class, confidence, factor]
    const cases: [number, number, number, number][] = [
      [1, LONG, 0.6, 1.2], // agrees at the threshold
      [1, LONG, 0.59, 1], // agrees below it: unchanged
      [1, SHORT, 0.9, 0.5], // opposite direction
      [1, SHORT, 0.2, 0.5], // disagreement counts at any confidence
      [1, NOOP, 0.7, 0.5], // "do not trade" disagrees with a long signal
      [-1, SHORT, 0.61, 1.2],
      [-1, LONG, 0.61, 0.5],
      [0, LONG, 0.99, 1], // a flat signal has no strength to adjust
      [1, -1, Number.NaN, 1], // no prediction
    ];
    for (const [dir, cls, conf, want] of cases) {
      expect(adjustmentFactor(dir, cls, conf, th), `${dir} ${cls} ${conf}`).toBe(want);
    }
  });

  it('sizes a signal as direction × strength, capped at one unit', () => {
    expect(signalTarget(1, 0.4)).toBe(0.4);
    expect(signalTarget(1, 0.4 * 1.2)).toBeCloseTo(0.48, 15);
    expect(signalTarget(-1, 0.9 * 0.5)).toBe(-0.45);
    expect(signalTarget(1, 1.2)).toBe(1);
    expect(signalTarget(-1, 3)).toBe(-1);
    expect(signalTarget(0, 1)).toBe(0);
    expect(signalTarget(1, Number.NaN)).toBe(0);
  });

  it('the student-only target is validation’s signalsToPositions rule', () => {
    expect(studentTarget(LONG, 0.45, 0.45, true)).toBe(1);
    expect(studentTarget(LONG, 0.4499, 0.45, true)).toBe(0);
    expect(studentTarget(SHORT, 0.5, 0.45, true)).toBe(-1);
    expect(studentTarget(SHORT, 0.5, 0.45, false)).toBe(0);
    expect(studentTarget(NOOP, 0.9, 0.45, true)).toBe(0);
    expect(studentTarget(-1, Number.NaN, 0.45, true)).toBe(0);
  });
});
