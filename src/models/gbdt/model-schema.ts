import { z } from 'zod';
import { ArtifactError, type Issue } from '../../core/index.js';
import type { SavedModel } from '../learner.js';
import { checkTreeArrays } from '../scorer/index.js';
import { gbdtOptionsSchema } from './options.js';

const int = z.number().int();
const treeSchema = z.object({
  feature: z.array(int.min(0)),
  threshold: z.array(z.number()),
  defaultLeft: z.array(z.union([z.literal(0), z.literal(1)])),
  left: z.array(int),
  right: z.array(int),
  gain: z.array(z.number()),
  leafValue: z.array(z.number()).min(1),
});

/** Saved form of a GbdtModel: options as config, flat per-tree arrays as weights. */
export const gbdtSavedSchema = z.object({
  className: z.literal('GbdtClassifier'),
  config: gbdtOptionsSchema.omit({ numThreads: true }),
  weights: z
    .object({
      numClasses: int.min(2),
      featureNames: z.array(z.string()),
      initScore: z.array(z.number()),
      trees: z.array(treeSchema),
    })
    .superRefine((w, ctx) => {
      const K = w.numClasses;
      const d = w.featureNames.length;
      if (w.initScore.length !== K) {
        ctx.addIssue({ code: 'custom', path: ['initScore'], message: `expected ${K} init scores` });
      }
      checkTreeArrays(w.trees, K, d, ctx, ['threshold', 'defaultLeft', 'left', 'right', 'gain']);
    }),
});

/** Validated saved GBDT model. */
export type GbdtSaved = z.output<typeof gbdtSavedSchema>;

/** Parses a saved model, throwing ArtifactError naming every bad path. */
export function parseGbdtSaved(saved: SavedModel): GbdtSaved {
  const parsed = gbdtSavedSchema.safeParse(saved);
  if (parsed.success) return parsed.data;
  const issues: Issue[] = parsed.error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
    fix: 'retrain the model or restore the artifact from the registry',
  }));
  throw new ArtifactError('corrupt GBDT model JSON', issues);
}
