import { CLASSES } from '../labels/index.js';
import type { LabelArray } from './types.js';
import { assertLabelPair, assertNames } from './validate-inputs.js';

/** One cell of a confusion matrix: the DVC confusion plot's data (every cell, zeros included). */
export interface ConfusionCell {
  actual: string;
  predicted: string;
  count: number;
}

/** K×K counts; `m[a][p]` = rows whose actual class is a and predicted class is p. */
export function confusionMatrix(yTrue: LabelArray, yPred: LabelArray, K: number): number[][] {
  assertLabelPair(yTrue, yPred, K);
  const flat = new Int32Array(K * K);
  for (let i = 0; i < yTrue.length; i++) flat[yTrue[i] * K + yPred[i]]++;
  return Array.from({ length: K }, (_, a) => Array.from(flat.subarray(a * K, (a + 1) * K)));
}

/** The K×K cells of `matrix` (`matrix[actual][predicted]`), row-major, class names from `names`. */
export function confusionCells(matrix: number[][], names: readonly string[] = CLASSES): ConfusionCell[] {
  assertNames(names, matrix.length);
  return matrix.flatMap((row, a) =>
    row.map((count, p) => ({ actual: names[a], predicted: names[p], count })),
  );
}
