import { z } from 'zod';

export const gbdtParamsSchema = z
  .object({
    num_rounds: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .default(300)
      .describe('Boosting rounds (upper bound with early stopping).'),
    learning_rate: z.number().gt(0).max(1).default(0.05).describe('Shrinkage per round.'),
    num_leaves: z
      .number()
      .int()
      .min(2)
      .max(4096)
      .default(15)
      .describe('Max leaves per tree (leaf-wise growth).'),
    max_depth: z.number().int().min(-1).max(64).default(-1).describe('Depth cap; -1 = none.'),
    min_data_in_leaf: z.number().int().min(1).default(50).describe('Minimum rows per leaf.'),
    lambda_l2: z.number().min(0).default(1).describe('L2 regularisation of leaf values.'),
    feature_fraction: z
      .number()
      .gt(0)
      .max(1)
      .default(0.8)
      .describe('Share of features sampled per tree (seeded).'),
    bagging_fraction: z.number().gt(0).max(1).default(0.8).describe('Share of rows sampled (seeded).'),
    bagging_freq: z.number().int().min(0).default(1).describe('Re-sample rows every k rounds; 0 = off.'),
    early_stopping_rounds: z
      .number()
      .int()
      .min(0)
      .default(30)
      .describe('Stop after k rounds without validation gain.'),
    max_bin: z.number().int().min(2).max(255).default(255).describe('Histogram bins per feature.'),
  })
  .strict();

export const nnParamsSchema = z
  .object({
    hidden: z
      .array(z.number().int().min(1).max(4096))
      .default([32, 16])
      .describe('Hidden layer widths (mlp).'),
    activation: z.enum(['relu', 'tanh']).default('relu').describe('Hidden activation (mlp).'),
    epochs: z.number().int().min(1).max(10_000).default(60).describe('Max training epochs.'),
    batch_size: z.number().int().min(1).default(256).describe('Mini-batch size.'),
    learning_rate: z.number().gt(0).max(1).default(0.003).describe('Adam learning rate.'),
    l2: z.number().min(0).default(0.0001).describe('L2 penalty on weights.'),
    patience: z.number().int().min(1).default(8).describe('Early-stopping patience in epochs.'),
  })
  .strict();

export const teacherSchema = z
  .object({
    strategy: z
      .enum(['intraday', 'swing'])
      .default('swing')
      .describe(
        'swing: a label may hold across sessions; intraday: rows whose t + horizon falls in a later session stay unlabelled (counted in dataset_stats), needs data.frequency 5m.',
      ),
    horizon: z.number().int().min(1).max(500).default(5).describe('Forward-return horizon in bars.'),
    min_holding_return: z
      .number()
      .min(0)
      .max(1)
      .default(0.005)
      .describe('|forward return| needed for LONG/SHORT.'),
    lookback_days: z
      .number()
      .int()
      .min(0)
      .default(90)
      .describe('History before start used only for feature warm-up.'),
    model_type: z.enum(['gbdt', 'mlp']).default('gbdt').describe('Teacher family.'),
    oof_folds: z.number().int().min(2).max(20).default(5).describe('Time folds for out-of-fold soft labels.'),
    gbdt: gbdtParamsSchema.prefault({}),
    mlp: nnParamsSchema.prefault({ hidden: [64, 32] }),
  })
  .strict();

export const tuningSchema = z
  .object({
    enabled: z
      .boolean()
      .default(false)
      .describe('Search hyper-parameters (or pass --hyperparameter-tuning).'),
    n_candidates: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(12)
      .describe('Random candidates in the first rung.'),
    eta: z.number().int().min(2).default(3).describe('Successive-halving reduction factor.'),
    min_epochs: z.number().int().min(1).default(5).describe('Epoch budget of the first rung.'),
    space: z
      .object({
        learning_rate: z
          .tuple([z.number().gt(0), z.number().gt(0)])
          .default([0.0005, 0.02])
          .describe('Log-uniform range.'),
        l2: z
          .tuple([z.number().min(0), z.number().min(0)])
          .default([0.000001, 0.01])
          .describe('Log-uniform range.'),
        alpha: z
          .tuple([z.number().min(0), z.number().max(1)])
          .default([0.1, 0.9])
          .describe('Uniform range.'),
        temperature: z
          .tuple([z.number().gt(0), z.number().gt(0)])
          .default([1, 5])
          .describe('Uniform range.'),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export const studentSchema = z
  .object({
    model_type: z
      .enum(['logistic', 'mlp', 'gbdt'])
      .default('logistic')
      .describe(
        'Student family: TF.js logistic / MLP, or a small GBDT (trees distilled by weighted replicas).',
      ),
    alpha: z
      .number()
      .min(0)
      .max(1)
      .default(0.5)
      .describe('Weight of hard-label CE; 1 − alpha goes to the KL term.'),
    temperature: z.number().gt(0).max(100).default(2).describe('Distillation temperature T.'),
    calibrate: z.boolean().default(true).describe('Fit temperature scaling on the validation split.'),
    cv_folds: z.number().int().min(2).max(20).default(5).describe('Walk-forward folds for tuning.'),
    nn: nnParamsSchema.prefault({}),
    gbdt: gbdtParamsSchema.prefault({
      num_rounds: 150,
      num_leaves: 7,
      min_data_in_leaf: 40,
      early_stopping_rounds: 20,
    }),
    tuning: tuningSchema.prefault({}),
  })
  .strict();

export type GbdtParams = z.infer<typeof gbdtParamsSchema>;
export type NnParams = z.infer<typeof nnParamsSchema>;
export type TeacherParams = z.infer<typeof teacherSchema>;
export type StudentParams = z.infer<typeof studentSchema>;
