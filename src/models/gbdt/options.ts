import { z } from 'zod';
import { ConfigError } from '../../core/index.js';
import { NUM_CLASSES } from '../../labels/index.js';

/** Options of the GBDT trainer (LightGBM names and defaults); embedded by the params schema. */
export const gbdtOptionsSchema = z
  .object({
    numClasses: z
      .number()
      .int()
      .min(2)
      .max(255)
      .default(NUM_CLASSES)
      .describe('Number of classes K (softmax over K raw scores).'),
    numRounds: z
      .number()
      .int()
      .min(0)
      .default(200)
      .describe('Boosting rounds; each round adds one tree per class.'),
    learningRate: z.number().gt(0).max(1).default(0.05).describe('Shrinkage applied to every leaf value.'),
    numLeaves: z
      .number()
      .int()
      .min(2)
      .max(4096)
      .default(31)
      .describe('Maximum leaves per tree (leaf-wise, best-first growth).'),
    maxDepth: z
      .number()
      .int()
      .min(-1)
      .default(-1)
      .describe('Maximum tree depth; -1 = unlimited (only numLeaves caps the tree).'),
    minDataInLeaf: z.number().int().min(1).default(20).describe('Minimum number of training rows in a leaf.'),
    minSumHessianInLeaf: z.number().min(0).default(1e-3).describe('Minimum sum of hessians in a leaf.'),
    lambdaL2: z
      .number()
      .min(0)
      .default(1.0)
      .describe('L2 regularisation on leaf values: value = -G / (H + lambdaL2).'),
    minGainToSplit: z.number().min(0).default(0).describe('Minimum gain required to split a leaf.'),
    maxBin: z
      .number()
      .int()
      .min(2)
      .max(255)
      .default(255)
      .describe('Maximum histogram bins per feature (a missing-value bin is added).'),
    minDataInBin: z
      .number()
      .int()
      .min(1)
      .default(3)
      .describe('Minimum number of sampled values in a histogram bin (rarer values share a bin).'),
    featureFraction: z
      .number()
      .gt(0)
      .max(1)
      .default(1.0)
      .describe('Fraction of features sampled (seeded) for each tree.'),
    baggingFraction: z
      .number()
      .gt(0)
      .max(1)
      .default(1.0)
      .describe('Fraction of rows sampled (seeded, without replacement) per bagging.'),
    baggingFreq: z
      .number()
      .int()
      .min(0)
      .default(0)
      .describe('Re-sample the bag every this many rounds; 0 = no bagging.'),
    earlyStoppingRounds: z
      .number()
      .int()
      .min(0)
      .default(0)
      .describe(
        'Stop when validation multi-logloss has not improved for this many rounds and keep the best; 0 = off.',
      ),
    seed: z.number().int().default(0).describe('Seed of feature and bagging sampling.'),
    numThreads: z
      .number()
      .int()
      .min(0)
      .max(64)
      .default(0)
      .describe('Histogram threads; 0 = auto (up to 2). Results are bit-identical for any value; not saved.'),
  })
  .strict();

/** Fully-defaulted trainer options. */
export type GbdtOptions = z.output<typeof gbdtOptionsSchema>;
/** Trainer options as a caller may give them (every key optional). */
export type GbdtOptionsInput = z.input<typeof gbdtOptionsSchema>;

/** Validates options and fills defaults, throwing ConfigError with one issue per bad key. */
export function parseGbdtOptions(input: GbdtOptionsInput | undefined): GbdtOptions {
  const parsed = gbdtOptionsSchema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    'invalid GBDT options',
    parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.message,
      value: i.path.length > 0 ? (input as Record<string, unknown>)?.[String(i.path[0])] : undefined,
      fix: 'see gbdtOptionsSchema for the allowed range',
    })),
  );
}
