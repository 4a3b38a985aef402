import { z } from 'zod';
import { ArtifactError, type Issue } from '../../core/index.js';
import type { SavedModel } from '../learner.js';
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

/** Flat per-tree arrays as saved (extra per-node arrays, e.g. gain, are checked by length too). */
export interface TreeArrays {
  feature: number[];
  left: number[];
  right: number[];
  leafValue: number[];
}

/**
 * Structural checks shared by saved models and tree scorers: the tree count is a multiple of K, every
 * per-node array has one entry per node, leaves = nodes + 1, feature indices < d, and children point
 * forward (a later node or a leaf) so traversal always terminates.
 */
export function checkTreeArrays<T extends TreeArrays>(
  trees: T[],
  K: number,
  d: number,
  ctx: z.RefinementCtx,
  perNode: readonly (keyof T & string)[],
): void {
  if (trees.length % K !== 0) {
    ctx.addIssue({ code: 'custom', path: ['trees'], message: `tree count must be a multiple of ${K}` });
  }
  trees.forEach((t, ti) => {
    const m = t.feature.length;
    const at = (key: string): (string | number)[] => ['trees', ti, key];
    for (const key of perNode) {
      if ((t[key] as unknown[]).length !== m)
        ctx.addIssue({ code: 'custom', path: at(key), message: `length must be ${m}` });
    }
    if (t.leafValue.length !== m + 1) {
      ctx.addIssue({ code: 'custom', path: at('leafValue'), message: `length must be ${m + 1}` });
    }
    if (t.feature.some((f) => f >= d)) {
      ctx.addIssue({ code: 'custom', path: at('feature'), message: `feature index must be < ${d}` });
    }
    for (const key of ['left', 'right'] as const) {
      const bad = t[key].findIndex((c, i) => (c >= 0 ? c <= i || c >= m : ~c > m));
      if (bad >= 0)
        ctx.addIssue({ code: 'custom', path: [...at(key), bad], message: 'child index out of range' });
    }
  });
}

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
