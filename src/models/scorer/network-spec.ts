/**
 * The plain-JSON description of a dense softmax network (normaliser → layers → temperature → softmax).
 * Shared by the TF.js students (their saved weights) and the compiled scorer; dependency-free on purpose.
 */
import { z } from 'zod';

const finite = z.number().finite();

/** Per-feature standardisation `(x − mean) / std`, fitted on training rows only. */
export const normaliserSchema = z
  .object({
    mean: z.array(finite).describe('Per-feature mean of the training rows.'),
    std: z
      .array(finite.positive())
      .describe('Per-feature standard deviation (constant features stored as 1).'),
  })
  .strict()
  .refine((v) => v.mean.length === v.std.length, {
    message: 'mean and std must have the same length',
    path: ['std'],
  });

/** One dense layer `act(x · W + b)` with W row-major inDim × outDim. */
export const denseLayerSchema = z
  .object({
    inDim: z.number().int().positive(),
    outDim: z.number().int().positive(),
    activation: z.enum(['relu', 'tanh', 'linear']),
    weights: z.array(finite).describe('Row-major inDim × outDim.'),
    bias: z.array(finite),
  })
  .strict()
  .refine((l) => l.weights.length === l.inDim * l.outDim, {
    message: 'weights length must be inDim × outDim',
    path: ['weights'],
  })
  .refine((l) => l.bias.length === l.outDim, { message: 'bias length must be outDim', path: ['bias'] });

export type Normaliser = z.infer<typeof normaliserSchema>;
export type DenseLayer = z.infer<typeof denseLayerSchema>;
export type Activation = DenseLayer['activation'];

/** The weights part of a saved student (SavedModel.weights). */
export const denseNetworkSchema = z
  .object({
    normaliser: normaliserSchema,
    layers: z.array(denseLayerSchema).min(1),
    calibrationTemperature: finite.positive().describe('Temperature scaling applied to the logits.'),
  })
  .strict()
  .superRefine((net, ctx) => {
    let dim = net.normaliser.mean.length;
    net.layers.forEach((layer, i) => {
      if (layer.inDim !== dim) {
        ctx.addIssue({
          code: 'custom',
          path: ['layers', i, 'inDim'],
          message: `expected ${dim}, got ${layer.inDim}`,
        });
      }
      dim = layer.outDim;
    });
    if (net.layers[net.layers.length - 1]?.activation !== 'linear') {
      ctx.addIssue({
        code: 'custom',
        path: ['layers', net.layers.length - 1, 'activation'],
        message: 'output layer must be linear',
      });
    }
  });

export type DenseNetwork = z.infer<typeof denseNetworkSchema>;

/** Formats zod issues as `path: message` pairs rooted at `root`. */
export function zodIssues(error: z.ZodError, root: string): { path: string; message: string }[] {
  return error.issues.map((i) => ({
    path: [root, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
}
