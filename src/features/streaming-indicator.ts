/**
 * Contract of a streaming twin (after arquero's window operators `{init, add, rem, value}`): a
 * constant-memory state machine per symbol beside its batch kernel. `reset()` is init; a push adds one
 * row, and the row leaving the window is removed inside the same call (rem); `value` then equals the batch
 * kernel's output at that row (NaN while warming up). Windows live in typed-array rings, so a push is O(1).
 *
 * Two ways to push: `push(x…)` returns the value (convenient); `pushFrom(src, i)` (one input, read from
 * src[i]) or `pushBar(bar)` (bar fields in BAR order) return nothing and take their inputs from a typed
 * array. V8 boxes every double passed to or returned from a call it does not inline (a heap allocation),
 * so the hot paths (FeatureStream) use the typed-array forms and read `value`: no allocation per bar.
 */
export interface StreamingIndicator {
  /** The output at the last pushed row (NaN before the first push and during warm-up). */
  readonly value: number;
  /** Back to the state before the first push. */
  reset(): void;
}

/** Fields of a bar passed as a Float64Array to pushBar (FeatureStream and the multi-input twins). */
export const BAR_FIELDS = ['ts', 'open', 'high', 'low', 'close', 'volume'] as const;

/** Index of each BAR_FIELDS entry. */
export const BAR = { ts: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 } as const satisfies Record<
  (typeof BAR_FIELDS)[number],
  number
>;

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
