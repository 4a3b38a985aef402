import { ConfigError, DataValidationError } from '../../core/index.js';
import { CLASSES } from '../../labels/index.js';
import type { Dataset } from '../learner.js';
import { architecture } from './dense-network.js';
import { assertDatasetFeatures, assertTargets } from './student-data.js';
import type { StudentModel } from './student-model.js';
import type { StudentOptions } from './student-options.js';
import type { StudentTrainingData } from './training-data.js';

/** A warm start must share the architecture and the feature names (else ConfigError). */
export function checkWarmStart(init: StudentModel, options: StudentOptions, x: Dataset): void {
  const want = JSON.stringify(architecture(options, x.d, CLASSES.length));
  const have = JSON.stringify(architecture(init.options, init.featureNames.length, init.numClasses));
  const sameFeatures =
    init.featureNames.length === x.d && init.featureNames.every((f, j) => f === x.featureNames[j]);
  if (want !== have || !sameFeatures) {
    throw new ConfigError('warm start needs the same architecture and feature names', [
      ...(want === have ? [] : [{ path: 'init.architecture', message: `expected ${want}`, value: have }]),
      ...(sameFeatures
        ? []
        : [
            {
              path: 'init.featureNames',
              message: 'differ from x.featureNames',
              value: init.featureNames.slice(0, 10),
            },
          ]),
    ]);
  }
}

/** Checks training / validation rows, labels and soft targets before any tensor is made. */
export function validateTrainingData(data: StudentTrainingData, options: StudentOptions, k: number): void {
  if (data.x.n === 0)
    throw new DataValidationError('no training rows', [{ path: 'x.n', message: 'must be > 0' }]);
  assertDatasetFeatures(data.x, data.x.featureNames, 'x');
  assertTargets(data.x.n, k, data.y, data.soft, 'train');
  if (options.alpha < 1 && !data.soft) {
    throw new ConfigError('alpha < 1 needs teacher soft targets', [
      { path: 'student.alpha', message: 'pass soft or set alpha = 1', value: options.alpha },
    ]);
  }
  if (data.valid) {
    assertDatasetFeatures(data.valid.x, data.x.featureNames, 'valid.x');
    assertTargets(data.valid.x.n, k, data.valid.y, data.valid.soft, 'valid');
  }
}
