import type { FlagTable } from './flag-spec.js';

/**
 * The params overrides of the flags given (those marked `overrides`), and which flag set each key, so that
 * loadParams reports an invalid value against the flag instead of a params.yaml line.
 */
export function flagOverrides(
  table: FlagTable,
  values: Record<string, unknown>,
): { overrides: Record<string, unknown>; sources: Record<string, string> } {
  const overrides: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  for (const [name, spec] of Object.entries(table)) {
    const v = values[name];
    if (!spec.overrides || !spec.param || v === undefined) continue;
    const keys = spec.param.split('.');
    let node = overrides;
    for (const k of keys.slice(0, -1)) {
      node[k] ??= {};
      node = node[k] as Record<string, unknown>;
    }
    node[keys[keys.length - 1]] = v;
    sources[spec.param] = `--${name}`;
  }
  return { overrides, sources };
}
