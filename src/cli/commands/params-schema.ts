import { paramsJsonSchema } from '../../config/index.js';
import { writeJsonAtomic } from '../../pipeline/index.js';
import { parseFlags, print } from '../args.js';
import type { Command } from './types.js';

/** `params-schema`: writes the JSON Schema of params.yaml generated from the zod schema. */
export const paramsSchemaCommand: Command = {
  run(argv) {
    const { values } = parseFlags(
      argv,
      { out: { type: 'string', default: 'params.schema.json' } },
      'sensequant params-schema [--out file]',
    );
    writeJsonAtomic(values.out as string, paramsJsonSchema());
    print(`wrote ${values.out}`);
    return 0;
  },
};
