import { CLASSES } from '../labels/index.js';

/** Where a decision came from (the reference's `prediction_source`). */
export const PREDICTION_SOURCES = ['student_model', 'baseline_strategy'] as const;
export type PredictionSource = (typeof PREDICTION_SOURCES)[number];
export const SOURCE_STUDENT = 0;
export const SOURCE_BASELINE = 1;

/**
 * How the engine turns signals into targets:
 * - `adjusted` (the reference's live behaviour): the baseline strategy's signal, its strength ×1.2 when the
 *   student agrees with confidence ≥ threshold and ×0.5 when it disagrees;
 * - `student`: the student alone, exactly as validation scores it (argmax, acted on at confidence ≥
 *   threshold) — replaying the validation window this way reproduces the validation backtest;
 * - `baseline`: the baseline strategy alone (what the engine does with the student disabled or missing).
 */
export const POLICIES = ['adjusted', 'student', 'baseline'] as const;
export type EnginePolicy = (typeof POLICIES)[number];

/** Baseline strategies (params.yaml teacher.strategy). */
export const STRATEGIES = ['swing', 'intraday'] as const;
export type StrategyKind = (typeof STRATEGIES)[number];

/**
 * One decision of the engine. The engine reuses a single instance (no allocation per tick): copy what you
 * keep. Targets are positions in [−1, 1] decided at the bar's close (executed at the next open).
 */
export interface Decision {
  /** Index of the symbol in the engine's universe. */
  symbol: number;
  /** Bar time (epoch ms). */
  ts: number;
  /** Baseline signal direction (−1, 0, +1) and strength (≥ 0). */
  direction: number;
  strength: number;
  /** Student class index (CLASSES order) or −1 when there is no prediction (disabled, warming up). */
  studentClass: number;
  /** Student top-class probability, NaN without a prediction. */
  confidence: number;
  /** Signal-strength factor applied (1.2, 0.5 or 1), NaN when the student did not adjust the signal. */
  factor: number;
  /** Position decided for the next bar. */
  target: number;
  /** Index into PREDICTION_SOURCES. */
  source: number;
  /** Feature update + score + decision, in microseconds (the one wall-clock value). */
  latencyUs: number;
}

/** A blank decision (the engine's reusable instance). */
export function emptyDecision(): Decision {
  return {
    symbol: -1,
    ts: Number.NaN,
    direction: 0,
    strength: 0,
    studentClass: -1,
    confidence: Number.NaN,
    factor: Number.NaN,
    target: 0,
    source: SOURCE_BASELINE,
    latencyUs: 0,
  };
}

/** Class name of a class index, or null. */
export function className(c: number): string | null {
  return c >= 0 && c < CLASSES.length ? CLASSES[c] : null;
}
