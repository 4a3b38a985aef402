/** Seeded, splittable pseudo-random numbers (sfc32 seeded through cyrb128); never Math.random. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (Box–Muller, cached pair). */
  normal(): number;
  /** Student-t with `df` degrees of freedom scaled to unit variance (df > 2). */
  studentT(df: number): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** An independent stream derived from this seed and a label. */
  fork(label: string): Rng;
}

function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** Creates a generator from a seed; the same seed (and fork labels) always gives the same stream. */
export function createRng(seed: number | string): Rng {
  const key = String(seed);
  // State lives in an Int32Array: closure variables holding uint32 values would be boxed heap numbers
  // (outside the small-integer range), costing an allocation per draw.
  const st = Int32Array.from(cyrb128(key));
  const u32 = (): number => {
    const a = st[0];
    const b = st[1];
    const c = st[2];
    const d = (st[3] + 1) | 0;
    const t = (((a + b) | 0) + d) | 0;
    st[0] = b ^ (b >>> 9);
    st[1] = (c + (c << 3)) | 0;
    st[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    st[3] = d;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) u32();
  let spare: number | null = null;
  const rng: Rng = {
    next: () => u32() / 4294967296,
    normal: () => {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = 0;
      while (u === 0) u = rng.next();
      const v = rng.next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    studentT: (df: number) => {
      let chi = 0;
      for (let i = 0; i < Math.round(df); i++) {
        const z = rng.normal();
        chi += z * z;
      }
      const t = rng.normal() / Math.sqrt(chi / Math.round(df));
      return t * Math.sqrt((df - 2) / df);
    },
    int: (n: number) => Math.floor(rng.next() * n),
    fork: (label: string) => createRng(`${key}/${label}`),
  };
  return rng;
}
