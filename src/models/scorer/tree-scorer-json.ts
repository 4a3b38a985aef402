/**
 * The `kind: 'trees'` variant of the scorer artifact: boosted trees as flat arrays (same layout and
 * traversal as src/models/gbdt/tree.ts) plus a calibration temperature.
 */
import { z } from 'zod';
import { ArtifactError } from '../../core/index.js';
import { zodIssues } from './network-spec.js';
import { checkTreeArrays } from './tree-arrays.js';

const int = z.number().int();
const finite = z.number().finite();

/** One tree: node i sends x <= threshold[i] left, else right, NaN per defaultLeft[i]; child c < 0 is leaf ~c. */
export const scorerTreeSchema = z
  .object({
    feature: z.array(int.min(0)),
    threshold: z.array(finite),
    defaultLeft: z.array(z.union([z.literal(0), z.literal(1)])),
    left: z.array(int),
    right: z.array(int),
    leafValue: z.array(finite).min(1),
  })
  .strict();

/** Scorer JSON of a tree ensemble: raw score = initScore + Σ trees (tree t → class t % K), then softmax(raw / T). */
export const treeScorerJsonSchema = z
  .object({
    format: z.literal('sensequant-scorer/1'),
    kind: z.literal('trees'),
    featureNames: z.array(z.string().min(1)).min(1),
    classes: z.array(z.string().min(1)).min(2),
    initScore: z.array(finite),
    trees: z.array(scorerTreeSchema),
    temperature: finite.positive(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const K = s.classes.length;
    const d = s.featureNames.length;
    if (s.initScore.length !== K) {
      ctx.addIssue({ code: 'custom', path: ['initScore'], message: `expected ${K} init scores` });
    }
    checkTreeArrays(s.trees, K, d, ctx, ['threshold', 'defaultLeft', 'left', 'right']);
  });

export type TreeScorerJson = z.infer<typeof treeScorerJsonSchema>;

/** Validates untrusted tree-scorer JSON; corrupt input → ArtifactError naming the offending path. */
export function parseTreeScorerJson(json: unknown): TreeScorerJson {
  const parsed = treeScorerJsonSchema.safeParse(json);
  if (!parsed.success) throw new ArtifactError('invalid scorer JSON', zodIssues(parsed.error, 'scorer'));
  return parsed.data;
}
