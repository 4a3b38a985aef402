/**
 * The one place learner families are registered. Adding a learner = its folder (model class, trainer,
 * a LearnerSpec) plus one `.register(...)` line here; shared code only looks specs up.
 */
import { gbdtLearner } from './gbdt/index.js';
import { gbdtStudentLearner } from './gbdt-student/index.js';
import type { Classifier, SavedModel } from './learner.js';
import { LearnerRegistry } from './learner-registry.js';
import { type AnyScorerJson, compileScorerJson, type Scorer } from './scorer/index.js';
import { logisticLearner, mlpLearner } from './tfjs/index.js';

/** Every learner family, by saved className and by (role, model_type). */
export const learners = new LearnerRegistry()
  .register(gbdtLearner) // GbdtClassifier: teacher gbdt
  .register(logisticLearner) // LogisticStudent: student logistic
  .register(mlpLearner) // MlpStudent: teacher mlp, student mlp
  .register(gbdtStudentLearner); // GbdtStudent: student gbdt

/** Rebuilds any registered model from its saved JSON; an unknown className → ArtifactError. */
export function loadClassifier(saved: SavedModel): Classifier {
  return learners.load(saved);
}

/** The compiled-scorer JSON (`scorer.json`) of any registered saved model. */
export function exportScorer(saved: SavedModel): AnyScorerJson {
  return learners.exportScorer(saved);
}

/** Compiles a saved model (through its learner's scorer export) or scorer JSON into a scorer. */
export function compileScorer(saved: SavedModel | AnyScorerJson): Scorer {
  return compileScorerJson('format' in saved ? saved : exportScorer(saved));
}

/** Class names of the registered learners, sorted. */
export function registeredLearners(): string[] {
  return learners.classNames();
}
