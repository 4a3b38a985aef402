import { CLASSES } from '../labels/index.js';
import type { LabelArray } from './types.js';
import { assertLabelPair, assertNames } from './validate-inputs.js';

/** One row of a DVC confusion plot. */
export interface ConfusionRecord {
  actual: string;
  predicted: string;
}

/** K×K counts; `m[a][p]` = rows whose actual class is a and predicted class is p. */
export function confusionMatrix(yTrue: LabelArray, yPred: LabelArray, K: number): number[][] {
  assertLabelPair(yTrue, yPred, K);
  const flat = new Int32Array(K * K);
  for (let i = 0; i < yTrue.length; i++) flat[yTrue[i] * K + yPred[i]]++;
  return Array.from({ length: K }, (_, a) => Array.from(flat.subarray(a * K, (a + 1) * K)));
}

/** One `{ actual, predicted }` record per row, class names from `names` (default CLASSES). */
export function confusionMatrixRecords(
  yTrue: LabelArray,
  yPred: LabelArray,
  names: readonly string[] = CLASSES,
): ConfusionRecord[] {
  const K = names.length;
  assertNames(names, K);
  assertLabelPair(yTrue, yPred, K);
  const out: ConfusionRecord[] = new Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) out[i] = { actual: names[yTrue[i]], predicted: names[yPred[i]] };
  return out;
}
