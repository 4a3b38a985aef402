export { CLASSES, LONG, NOOP, NUM_CLASSES, SHORT } from './classes.js';
export type { ClassName } from './classes.js';
export { labelForwardReturns } from './forward-returns.js';
export type { ForwardReturnLabels, ForwardReturnOptions } from './forward-returns.js';
export { labelDistribution } from './label-distribution.js';
export type { LabelDistribution } from './label-distribution.js';
