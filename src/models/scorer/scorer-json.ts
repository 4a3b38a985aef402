import { z } from 'zod';
import { ArtifactError } from '../../core/index.js';
import type { SavedModel } from '../learner.js';
import { denseLayerSchema, denseNetworkSchema, normaliserSchema, zodIssues } from './network-spec.js';
import { parseTreeScorerJson, type TreeScorerJson } from './tree-scorer-json.js';

export const SCORER_FORMAT = 'sensequant-scorer/1';

/** The minimal, self-contained scorer artifact. */
export const scorerJsonSchema = z
  .object({
    format: z.literal(SCORER_FORMAT),
    featureNames: z.array(z.string().min(1)).min(1),
    normaliser: normaliserSchema,
    layers: z.array(denseLayerSchema).min(1),
    temperature: z.number().finite().positive(),
    classes: z.array(z.string().min(1)).min(2),
  })
  .strict()
  .superRefine((s, ctx) => {
    const net = denseNetworkSchema.safeParse({
      normaliser: s.normaliser,
      layers: s.layers,
      calibrationTemperature: s.temperature,
    });
    if (!net.success) for (const issue of net.error.issues) ctx.addIssue({ ...issue, code: 'custom' });
    if (s.featureNames.length !== s.normaliser.mean.length) {
      ctx.addIssue({ code: 'custom', path: ['featureNames'], message: 'length must match the normaliser' });
    }
    if (s.layers[s.layers.length - 1]?.outDim !== s.classes.length) {
      ctx.addIssue({ code: 'custom', path: ['classes'], message: 'length must match the output layer' });
    }
  });

/** Scorer JSON of a dense network (the original kind, with no `kind` key). */
export type ScorerJson = z.infer<typeof scorerJsonSchema>;

/** Any scorer artifact: a dense network or (`kind: 'trees'`) a tree ensemble. */
export type AnyScorerJson = ScorerJson | TreeScorerJson;

const savedConfigSchema = z.looseObject({
  featureNames: z.array(z.string()),
  // Every saved dense student records its classes; the scorer never guesses them.
  classes: z.array(z.string().min(1)).min(2),
});

/** Extracts the minimal scorer JSON from a saved dense network (`config.featureNames`, weights = DenseNetwork). */
export function exportDenseScorer(saved: SavedModel): ScorerJson {
  const config = savedConfigSchema.safeParse(saved.config);
  const net = denseNetworkSchema.safeParse(saved.weights);
  if (!config.success || !net.success) {
    throw new ArtifactError(
      `saved model "${saved.className}" is not a dense network the scorer can compile`,
      [
        ...(config.success ? [] : zodIssues(config.error, 'config')),
        ...(net.success ? [] : zodIssues(net.error, 'weights')),
      ],
    );
  }
  return parseDenseScorerJson({
    format: SCORER_FORMAT,
    featureNames: config.data.featureNames,
    normaliser: net.data.normaliser,
    layers: net.data.layers,
    temperature: net.data.calibrationTemperature,
    classes: config.data.classes,
  });
}

/** Validates untrusted scorer JSON of either kind; corrupt input → ArtifactError naming the offending path. */
export function parseScorerJson(json: unknown): AnyScorerJson {
  const isTrees = typeof json === 'object' && json !== null && (json as { kind?: unknown }).kind === 'trees';
  return isTrees ? parseTreeScorerJson(json) : parseDenseScorerJson(json);
}

/** Validates untrusted dense scorer JSON; corrupt input → ArtifactError naming the offending path. */
export function parseDenseScorerJson(json: unknown): ScorerJson {
  const parsed = scorerJsonSchema.safeParse(json);
  if (!parsed.success) throw new ArtifactError('invalid scorer JSON', zodIssues(parsed.error, 'scorer'));
  return parsed.data;
}
