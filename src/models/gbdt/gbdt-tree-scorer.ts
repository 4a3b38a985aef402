import { classNamesFor } from '../learner.js';
import { parseTreeScorerJson, SCORER_FORMAT, type TreeScorerJson } from '../scorer/index.js';
import type { GbdtSaved } from './model-schema.js';

/**
 * The tree-scorer JSON of a validated saved GBDT: its trees scored as softmax(raw / temperature).
 * `classes` defaults to the label classes when the class count is theirs.
 */
export function treeScorerFromGbdt(
  gbdt: GbdtSaved,
  temperature: number,
  classes?: readonly string[],
): TreeScorerJson {
  const w = gbdt.weights;
  return parseTreeScorerJson({
    format: SCORER_FORMAT,
    kind: 'trees',
    featureNames: w.featureNames,
    classes: classes ? [...classes] : classNamesFor(w.numClasses),
    initScore: w.initScore,
    // Split gains only matter for feature importance, not for scoring.
    trees: w.trees.map(({ gain: _gain, ...t }) => t),
    temperature,
  });
}
