import type { LearnerSpec } from '../learner-spec.js';
import { gbdtOptionsFrom } from './gbdt-params.js';
import { treeScorerFromGbdt } from './gbdt-tree-scorer.js';
import { GbdtModel } from './model.js';
import { parseGbdtSaved } from './model-schema.js';
import { trainGbdt } from './train-gbdt.js';

/** The GBDT teacher (`teacher.model_type: gbdt`): warm-starts by adding rounds to an earlier model. */
export const gbdtLearner: LearnerSpec = {
  className: GbdtModel.className,
  teacher: {
    modelType: 'gbdt',
    label: 'GBDT',
    capabilities: { warmStart: true },
    async train(params, { x, y, valid, init }) {
      const initModel = init ? GbdtModel.fromJSON(init) : undefined;
      return trainGbdt({ x, y }, gbdtOptionsFrom(params.teacher.gbdt, params.base.seed), valid, initModel);
    },
  },
  load: (saved) => GbdtModel.fromJSON(saved),
  // Uncalibrated: the scorer reproduces predictProba (softmax of the raw scores, temperature 1).
  exportScorer: (saved) => treeScorerFromGbdt(parseGbdtSaved(saved), 1),
};
