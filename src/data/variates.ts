import type { Rng } from '../core/index.js';

/**
 * Cheap variates on top of Rng.next() for the simulator's hot loop. Each Rng.next() call costs
 * tens of ns (its closure state is boxed), so low-stakes draws split one 32-bit uniform into two
 * 16-bit ones, and Student-t uses Bailey's polar method instead of summing df squared normals.
 */

const pair = new Float64Array(2);

/** Two independent uniforms with 16-bit resolution from one draw: [0] in (0, 1), [1] in [0, 1). Read at once. */
export function twoUniforms(rng: Rng): Float64Array {
  const a = rng.next() * 65536;
  const hi = Math.floor(a);
  pair[0] = (hi + 0.5) / 65536;
  pair[1] = a - hi;
  return pair;
}

/** Student-t with `df` (> 2) degrees of freedom scaled to unit variance (Bailey 1994 polar method). */
export function fastStudentT(rng: Rng, df: number): number {
  let u = 0;
  let w = 0;
  do {
    const p = twoUniforms(rng);
    u = 2 * p[0] - 1;
    const v = 2 * p[1] - 1;
    w = u * u + v * v;
  } while (w > 1);
  // u is never 0 (p[0] is an odd multiple of 2^-17), so w > 0.
  const t = u * Math.sqrt((df * (w ** (-2 / df) - 1)) / w);
  return t * Math.sqrt((df - 2) / df);
}
