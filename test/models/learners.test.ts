import { beforeAll, describe, expect, it } from 'vitest';
import { validateParams } from '../../src/config/index.js';
import { CLASSES } from '../../src/labels/index.js';
import {
  type Classifier,
  exportScorer,
  initTfBackend,
  type LearnerRole,
  learners,
  loadClassifier,
  loadScorer,
  parseScorerJson,
  type SavedModel,
} from '../../src/models/index.js';
import { synthetic } from './tfjs/synthetic.js';

const parsed = validateParams({
  teacher: { gbdt: { num_rounds: 12 }, mlp: { hidden: [6], epochs: 4 } },
  student: { nn: { hidden: [6], epochs: 4 }, gbdt: { num_rounds: 12, min_data_in_leaf: 10 } },
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const params = parsed.value;
const train = synthetic(400, 4, 'learners-train');
const valid = synthetic(150, 4, 'learners-valid');
const test = synthetic(120, 4, 'learners-test');

/** Every (className, role) the registry holds: a new learner is covered by registering it. */
const cases = learners.classNames().flatMap((className) => {
  const spec = learners.forClass(className);
  return (['teacher', 'student'] as LearnerRole[])
    .filter((r) => spec[r])
    .map((role) => ({ className, role }));
});

async function trainTiny(className: string, role: LearnerRole): Promise<Classifier> {
  const spec = learners.forClass(className);
  if (role === 'teacher') {
    return spec.teacher!.train(params, { x: train.x, y: train.y, valid: { x: valid.x, y: valid.y } });
  }
  const student = spec.student!;
  return student.train(
    { x: train.x, y: train.y, soft: train.probs, valid: { x: valid.x, y: valid.y, soft: valid.probs } },
    student.options(params),
  );
}

describe('every registered learner round-trips: train → save → load → same probabilities → scorer', () => {
  beforeAll(async () => {
    await initTfBackend();
  });

  it('covers every family and role', () => {
    expect(cases.map((c) => `${c.className}:${c.role}`)).toEqual([
      'GbdtClassifier:teacher',
      'GbdtStudent:student',
      'LogisticStudent:student',
      'MlpStudent:teacher',
      'MlpStudent:student',
    ]);
  });

  it.each(cases)('$className as $role', async ({ className, role }) => {
    const model = await trainTiny(className, role);
    expect(model.className).toBe(className);
    expect(model.numClasses).toBe(CLASSES.length);

    const text = JSON.stringify(model.toJSON());
    const loaded = loadClassifier(JSON.parse(text) as SavedModel);
    expect(loaded.className).toBe(className);
    expect(loaded.toJSON()).toEqual(JSON.parse(text));
    const expected = model.predictProba(test.x);
    // Rows get different probabilities, so the parity checks below compare something.
    expect(new Set(expected).size).toBeGreaterThan(100);
    expect(loaded.predictProba(test.x)).toEqual(expected);

    // The scorer artifact goes through text too, as scorer.json does.
    const json = JSON.parse(JSON.stringify(exportScorer(JSON.parse(text) as SavedModel)));
    const scorerJson = parseScorerJson(json);
    expect(scorerJson.featureNames).toEqual(train.x.featureNames);
    expect(scorerJson.classes).toEqual([...CLASSES]);
    const viaScorer = loadScorer(json).scoreBatch(test.x);
    // Trees score in float64 like the model; TF.js runs in float32 (parity bound of scorer.test.ts).
    const tolerance = 'kind' in scorerJson && scorerJson.kind === 'trees' ? 1e-12 : 1e-6;
    let worst = 0;
    for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(expected[i] - viaScorer[i]));
    expect(worst).toBeLessThan(tolerance);
  });
});
