import type { StrategyKind } from './decision.js';

/**
 * A baseline strategy per symbol (the engine's signal before the student): updated once per bar, then
 * `direction` (−1, 0, +1) and `strength` (≥ 0; the position is direction × min(strength, 1)) hold the
 * signal decided at that bar's close. Constant memory, no allocation per bar.
 */
export interface BaselineStrategy {
  readonly kind: StrategyKind;
  direction: number;
  strength: number;
  update(bar: Float64Array): void;
  reset(): void;
}
