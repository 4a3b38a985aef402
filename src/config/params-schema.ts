import { z } from 'zod';
import { batchSchema } from './batch-schema.js';
import { studentSchema, teacherSchema } from './model-schemas.js';
import { baseSchema, dataSchema, featuresSchema, splitSchema } from './schema.js';
import { strategySchema, validationSchema } from './validation-schema.js';

/** The whole params.yaml: one group per stage plus the shared `base`. */
export const paramsSchema = z
  .object({
    base: baseSchema.prefault({}),
    data: dataSchema.prefault({}),
    features: featuresSchema.prefault({}),
    split: splitSchema.prefault({}),
    teacher: teacherSchema.prefault({}),
    student: studentSchema.prefault({}),
    strategy: strategySchema.prefault({}),
    validation: validationSchema.prefault({}),
    // Optional (no prefault): params files without a batch section keep their config_hash.
    batch: batchSchema.optional(),
  })
  .strict();

export type Params = z.infer<typeof paramsSchema>;

/** JSON Schema of params.yaml, generated from the zod schema (editor completion and docs). */
export function paramsJsonSchema(): unknown {
  return z.toJSONSchema(paramsSchema, { io: 'input' });
}

/** Params with each optional group (batch) filled with its defaults where absent: for display, never hashed. */
export function paramsWithDefaults(p: Params): Params & { batch: NonNullable<Params['batch']> } {
  return { ...p, batch: p.batch ?? batchSchema.parse({}) };
}
