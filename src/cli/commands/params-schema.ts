import { paramsJsonSchema } from '../../config/index.js';
import { writeJsonAtomic } from '../../pipeline/index.js';
import { print } from '../args.js';
import type { Command } from './types.js';

/** `params-schema`: writes the JSON Schema of params.yaml generated from the zod schema. */
export const paramsSchemaCommand: Command = {
  run({ values }) {
    const out = (values.out as string | undefined) ?? 'params.schema.json';
    writeJsonAtomic(out, paramsJsonSchema());
    print(`wrote ${out}`);
    return 0;
  },
};
