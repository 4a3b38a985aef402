import { z } from 'zod';
import { ConfigError } from '../../core/index.js';
import { zodIssues } from '../scorer/index.js';

/** Options of the TF.js students (and of the MLP used as an alternative teacher). */
export const studentOptionsSchema = z
  .object({
    modelType: z
      .enum(['logistic', 'mlp'])
      .default('logistic')
      .describe('Multinomial logistic regression or MLP.'),
    hidden: z
      .array(z.number().int().min(1).max(4096))
      .default([32, 16])
      .describe('Hidden layer widths (mlp only).'),
    activation: z.enum(['relu', 'tanh']).default('relu').describe('Hidden activation (mlp only).'),
    dropout: z
      .number()
      .min(0)
      .max(0.9)
      .default(0)
      .describe('Dropout rate on hidden layers during training; 0 = off.'),
    learningRate: z.number().gt(0).max(1).default(0.003).describe('Adam learning rate.'),
    epochs: z.number().int().min(1).max(10_000).default(60).describe('Maximum training epochs.'),
    batchSize: z
      .number()
      .int()
      .min(1)
      .default(256)
      .describe('Mini-batch size (batches shuffled with the seeded RNG).'),
    l2: z
      .number()
      .min(0)
      .default(0.0001)
      .describe('L2 penalty on weights (not biases), added to the mean loss.'),
    alpha: z
      .number()
      .min(0)
      .max(1)
      .default(0.5)
      .describe('Weight of hard-label CE; 1 − alpha weights T²·KL to the teacher.'),
    temperature: z.number().gt(0).max(100).default(2).describe('Distillation temperature T.'),
    patience: z
      .number()
      .int()
      .min(1)
      .default(8)
      .describe('Early stopping: epochs without validation improvement.'),
    calibrate: z
      .boolean()
      .default(true)
      .describe('Fit temperature scaling on the validation set after training.'),
    seed: z
      .union([z.number().int(), z.string()])
      .default(42)
      .describe('Seed for weight init, shuffling and dropout.'),
  })
  .strict();

export type StudentOptions = z.infer<typeof studentOptionsSchema>;
export type StudentOptionsInput = z.input<typeof studentOptionsSchema>;

/** Parses student options, filling defaults; invalid options → ConfigError. */
export function parseStudentOptions(input: StudentOptionsInput = {}): StudentOptions {
  const parsed = studentOptionsSchema.safeParse(input);
  if (!parsed.success) throw new ConfigError('invalid student options', zodIssues(parsed.error, 'student'));
  return parsed.data;
}
