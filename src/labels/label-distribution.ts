import { DataValidationError } from '../core/index.js';
import { LONG, NOOP, SHORT } from './classes.js';

/** Label counts per class over the valid rows. */
export interface LabelDistribution {
  LONG: number;
  SHORT: number;
  NOOP: number;
}

/** Counts LONG / SHORT / NOOP labels among rows with `valid[i] = 1`. */
export function labelDistribution(label: Int8Array, valid: Uint8Array): LabelDistribution {
  let long = 0;
  let short = 0;
  let noop = 0;
  const n = label.length;
  if (valid.length !== n) {
    throw new DataValidationError('label and valid differ in length', [
      { path: 'valid', message: `length ${valid.length} ≠ label length ${n}` },
    ]);
  }
  for (let i = 0; i < n; i++) {
    if (valid[i] !== 1) continue;
    const y = label[i];
    if (y === LONG) long++;
    else if (y === SHORT) short++;
    else if (y === NOOP) noop++;
  }
  return { LONG: long, SHORT: short, NOOP: noop };
}
