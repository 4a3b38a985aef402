import type { z } from 'zod';
import { paramsSchema } from './params-schema.js';

/** What the schema says about one params.yaml key. */
export interface ParamInfo {
  description?: string;
  /** Allowed values when the key is an enum. */
  choices?: string[];
}

type Node = z.core.$ZodType & { description?: string };

const WRAPPERS = new Set(['default', 'prefault', 'nullable', 'optional']);

function unwrap(node: Node): { node: Node; description?: string } {
  let description = node.description;
  while (WRAPPERS.has(node._zod.def.type)) {
    node = (node._zod.def as unknown as { innerType: Node }).innerType;
    description ??= node.description;
  }
  return { node, description };
}

/**
 * Description and allowed values of a params.yaml key (`student.model_type`), read from the zod schema,
 * so CLI help and params.schema.json say the same thing. Undefined for a key the schema does not have.
 * @example describeParam('teacher.strategy') // { description: '…', choices: ['intraday', 'swing'] }
 */
export function describeParam(path: string): ParamInfo | undefined {
  let cur: { node: Node; description?: string } = unwrap(paramsSchema as unknown as Node);
  for (const key of path.split('.')) {
    if (cur.node._zod.def.type !== 'object') return undefined;
    const next = (cur.node._zod.def as unknown as { shape: Record<string, Node> }).shape[key];
    if (!next) return undefined;
    cur = unwrap(next);
  }
  const def = cur.node._zod.def as unknown as { type: string; entries?: Record<string, string> };
  const choices = def.type === 'enum' && def.entries ? Object.values(def.entries).map(String) : undefined;
  return { description: cur.description, ...(choices ? { choices } : {}) };
}
