import { LONG, SHORT } from '../labels/index.js';

/** The reference's signal adjustment: strength ×1.2 when the student agrees (confidently), ×0.5 when not. */
export const AGREE_FACTOR = 1.2;
export const DISAGREE_FACTOR = 0.5;
/** Largest position a signal can size to: a boost strengthens weak signals, it never adds leverage. */
export const MAX_POSITION = 1;

/**
 * Factor applied to a baseline signal's strength given the student's class and confidence: 1.2 when the
 * student predicts the signal's direction with confidence ≥ threshold, 0.5 when it predicts anything else
 * (the other direction or NOOP, at any confidence), 1 when it agrees below the threshold, when the signal
 * is flat, or when there is no prediction (class −1).
 */
export function adjustmentFactor(
  direction: number,
  studentClass: number,
  confidence: number,
  threshold: number,
): number {
  if (direction === 0 || studentClass < 0) return 1;
  const studentDirection = studentClass === LONG ? 1 : studentClass === SHORT ? -1 : 0;
  if (studentDirection !== direction) return DISAGREE_FACTOR;
  return confidence >= threshold ? AGREE_FACTOR : 1;
}

/** Position of a signal: direction × strength, capped at MAX_POSITION. */
export function signalTarget(direction: number, strength: number): number {
  if (direction === 0 || !(strength > 0)) return 0;
  return direction * Math.min(strength, MAX_POSITION);
}

/**
 * The student-only target, as validation decides (signalsToPositions): LONG → +1, SHORT → −1 (0 without
 * shorts), only at confidence ≥ threshold; NOOP, low confidence and no prediction → 0.
 */
export function studentTarget(
  studentClass: number,
  confidence: number,
  threshold: number,
  allowShort: boolean,
): number {
  if (!(confidence >= threshold)) return 0;
  if (studentClass === LONG) return 1;
  if (studentClass === SHORT) return allowShort ? -1 : 0;
  return 0;
}
