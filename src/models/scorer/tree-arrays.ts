import type { z } from 'zod';

/** Flat per-tree arrays as saved (extra per-node arrays, e.g. gain, are checked by length too). */
export interface TreeArrays {
  feature: number[];
  left: number[];
  right: number[];
  leafValue: number[];
}

/**
 * Structural checks shared by saved models and tree scorers: the tree count is a multiple of K, every
 * per-node array has one entry per node, leaves = nodes + 1, feature indices < d, and children point
 * forward (a later node or a leaf) so traversal always terminates.
 */
export function checkTreeArrays<T extends TreeArrays>(
  trees: T[],
  K: number,
  d: number,
  ctx: z.RefinementCtx,
  perNode: readonly (keyof T & string)[],
): void {
  if (trees.length % K !== 0) {
    ctx.addIssue({ code: 'custom', path: ['trees'], message: `tree count must be a multiple of ${K}` });
  }
  trees.forEach((t, ti) => {
    const m = t.feature.length;
    const at = (key: string): (string | number)[] => ['trees', ti, key];
    for (const key of perNode) {
      if ((t[key] as unknown[]).length !== m)
        ctx.addIssue({ code: 'custom', path: at(key), message: `length must be ${m}` });
    }
    if (t.leafValue.length !== m + 1) {
      ctx.addIssue({ code: 'custom', path: at('leafValue'), message: `length must be ${m + 1}` });
    }
    if (t.feature.some((f) => f >= d)) {
      ctx.addIssue({ code: 'custom', path: at('feature'), message: `feature index must be < ${d}` });
    }
    for (const key of ['left', 'right'] as const) {
      const bad = t[key].findIndex((c, i) => (c >= 0 ? c <= i || c >= m : ~c > m));
      if (bad >= 0)
        ctx.addIssue({ code: 'custom', path: [...at(key), bad], message: 'child index out of range' });
    }
  });
}
