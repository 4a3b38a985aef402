/**
 * Contract of a streaming twin (after arquero's window operators `{init, add, rem, value}`): a
 * constant-memory state machine per symbol beside its batch kernel. `reset()` is init; `push(…)` adds one
 * bar, and the bar leaving the window is removed inside the same call (rem); it returns `value`, which
 * equals the batch kernel's output at that row (NaN while warming up). Windows live in typed-array rings,
 * so a push is O(1) and allocates nothing.
 */
export interface StreamingIndicator {
  /** The output at the last pushed row (NaN before the first push and during warm-up). */
  readonly value: number;
  /** Back to the state before the first push. */
  reset(): void;
}

/**
 * Sum of a full ring buffer from its oldest entry (`oldest`, the next write position) to its newest, in
 * that order, as the batch kernels' `for (j = i − n + 1; j <= i; j++) sum += x[j]` recomputations.
 */
export function ringSum(ring: Float64Array, oldest: number): number {
  let sum = 0;
  for (let j = oldest; j < ring.length; j++) sum += ring[j];
  for (let j = 0; j < oldest; j++) sum += ring[j];
  return sum;
}
