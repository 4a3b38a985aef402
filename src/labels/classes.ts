/** Class order used everywhere (labels, probabilities, confusion matrices): index 0, 1, 2. */
export const CLASSES = ['LONG', 'SHORT', 'NOOP'] as const;
export type ClassName = (typeof CLASSES)[number];
export const LONG = 0;
export const SHORT = 1;
export const NOOP = 2;
export const NUM_CLASSES = 3;
