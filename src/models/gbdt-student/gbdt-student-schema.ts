import { z } from 'zod';
import { ArtifactError, SenseQuantError } from '../../core/index.js';
import { type GbdtSaved, parseGbdtSaved } from '../gbdt/index.js';
import type { SavedModel } from '../learner.js';
import { zodIssues } from '../scorer/index.js';

const finite = z.number().finite();

/** What a GbdtStudent adds around its GbdtClassifier (saved as `config`). */
export const gbdtStudentConfigSchema = z
  .object({
    alpha: finite.min(0).max(1).describe('Weight of the hard-label cross-entropy.'),
    temperature: finite.positive().describe('Temperature softening the teacher target.'),
    calibrate: z.boolean(),
    calibrationTemperature: finite.positive().describe('Temperature scaling of the raw scores.'),
    seed: z.number().int(),
    classes: z.array(z.string().min(1)).min(2),
    training: z
      .object({
        trainRows: z.number().int().min(0),
        replicaRows: z.number().int().min(0),
        numRounds: z.number().int().min(0),
        validNllBefore: finite.optional(),
        validNllAfter: finite.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type GbdtStudentConfig = z.output<typeof gbdtStudentConfigSchema>;

const savedSchema = z.object({
  className: z.literal('GbdtStudent'),
  config: gbdtStudentConfigSchema,
  // The trees are validated by GbdtModel.fromJSON; only the envelope is checked here.
  weights: z.looseObject({
    className: z.literal('GbdtClassifier'),
    config: z.unknown(),
    weights: z.unknown(),
  }),
});

/** Validates the GbdtStudent envelope; corrupt input → ArtifactError naming every bad path. */
export function parseGbdtStudentSaved(saved: unknown): { config: GbdtStudentConfig; weights: SavedModel } {
  const parsed = savedSchema.safeParse(saved);
  if (!parsed.success) {
    throw new ArtifactError(
      'corrupt GbdtStudent JSON',
      zodIssues(parsed.error, '').map((i) => ({
        ...i,
        path: i.path.replace(/^\./, ''),
        fix: 'retrain the student or restore the artifact from the registry',
      })),
    );
  }
  return { config: parsed.data.config, weights: parsed.data.weights as SavedModel };
}

/** Validates the envelope and the nested GbdtClassifier; any problem → ArtifactError (nested paths under `weights.`). */
export function parseGbdtStudentParts(saved: unknown): { config: GbdtStudentConfig; gbdt: GbdtSaved } {
  const { config, weights } = parseGbdtStudentSaved(saved);
  let gbdt: GbdtSaved;
  try {
    gbdt = parseGbdtSaved(weights);
  } catch (e) {
    if (!(e instanceof SenseQuantError)) throw e;
    throw new ArtifactError(
      'corrupt GbdtStudent JSON',
      e.issues.map((i) => ({ ...i, path: i.path ? `weights.${i.path}` : 'weights' })),
    );
  }
  if (config.classes.length !== gbdt.weights.numClasses) {
    throw new ArtifactError('corrupt GbdtStudent JSON', [
      {
        path: 'config.classes',
        message: `expected ${gbdt.weights.numClasses} classes`,
        value: config.classes,
      },
    ]);
  }
  return { config, gbdt };
}
