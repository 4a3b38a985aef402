import { z } from 'zod';
import { ArtifactError } from '../../core/index.js';
import type { SavedModel } from '../learner.js';
import { type DenseNetwork, denseNetworkSchema, zodIssues } from '../scorer/index.js';
import { architecture } from './dense-network.js';
import { type StudentOptions, studentOptionsSchema } from './student-options.js';

export type StudentClassName = 'LogisticStudent' | 'MlpStudent';

/** What training records about itself (kept in the saved config). */
export interface TrainingSummary {
  epochsRun: number;
  bestEpoch: number;
  bestValidLoss: number | null;
  trainRows: number;
  warmStarted: boolean;
}

/** Everything a student is made of. */
export interface StudentState {
  options: StudentOptions;
  featureNames: string[];
  classes: string[];
  network: DenseNetwork;
  training?: TrainingSummary;
}

const CLASS_NAMES: Record<StudentOptions['modelType'], StudentClassName> = {
  logistic: 'LogisticStudent',
  mlp: 'MlpStudent',
};

/** The saved className of a student family. */
export function studentClassName(modelType: StudentOptions['modelType']): StudentClassName {
  return CLASS_NAMES[modelType];
}

const summarySchema = z
  .object({
    epochsRun: z.number().int().min(0),
    bestEpoch: z.number().int().min(0),
    bestValidLoss: z.number().nullable(),
    trainRows: z.number().int().min(0),
    warmStarted: z.boolean(),
  })
  .strict();

const savedConfigSchema = z
  .object({
    options: studentOptionsSchema,
    featureNames: z.array(z.string().min(1)).min(1),
    classes: z.array(z.string().min(1)).min(2),
    training: summarySchema.optional(),
  })
  .strict();

/** Validates a saved student (schema, className, layer shapes); anything wrong → ArtifactError naming the path. */
export function parseStudentArtifact(saved: SavedModel): StudentState {
  const config = savedConfigSchema.safeParse(saved.config);
  const net = denseNetworkSchema.safeParse(saved.weights);
  if (!config.success || !net.success) {
    throw new ArtifactError(`corrupt ${saved.className} artifact`, [
      ...(config.success ? [] : zodIssues(config.error, 'config')),
      ...(net.success ? [] : zodIssues(net.error, 'weights')),
    ]);
  }
  const { options, featureNames, classes, training } = config.data;
  const expected = architecture(options, featureNames.length, classes.length);
  const layers = net.data.layers;
  const issues = [];
  if (saved.className !== studentClassName(options.modelType)) {
    issues.push({
      path: 'className',
      message: `does not match options.modelType "${options.modelType}"`,
      value: saved.className,
    });
  }
  if (layers.length !== expected.length)
    issues.push({
      path: 'weights.layers',
      message: `expected ${expected.length} layers`,
      value: layers.length,
    });
  expected.forEach(([inDim, outDim, activation], i) => {
    const l = layers[i];
    if (l && (l.inDim !== inDim || l.outDim !== outDim || l.activation !== activation)) {
      issues.push({
        path: `weights.layers.${i}`,
        message: `expected ${inDim}×${outDim} ${activation}`,
        value: `${l.inDim}×${l.outDim} ${l.activation}`,
      });
    }
  });
  if (issues.length > 0) throw new ArtifactError(`corrupt ${saved.className} artifact`, issues);
  return { options, featureNames, classes, network: net.data, training };
}
