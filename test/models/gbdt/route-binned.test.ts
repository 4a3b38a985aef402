import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/index.js';
import { createBinMapper } from '../../../src/models/gbdt/binning.js';
import { createGrowBuffers, setGbdtWasmLimit } from '../../../src/models/gbdt/grow-buffers.js';
import { routeRowsBinned } from '../../../src/models/gbdt/route-binned.js';
import { routeRows, type Tree } from '../../../src/models/gbdt/tree.js';
import { ds } from './helpers.js';

/** Columns with NaN, ±Infinity, ties and both zeros among normal values. */
function columns(n: number, d: number, seed: number): Float64Array[] {
  const rng = createRng(seed);
  const special = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0];
  return Array.from({ length: d }, () =>
    Float64Array.from({ length: n }, (_, i) =>
      i % 23 === 0 ? special[rng.int(5)] : Math.round(rng.normal() * 20) / 4,
    ),
  );
}

/**
 * A random full tree of `depth` levels: node i splits feature[i] at the upper bound of a random value
 * bin (the threshold the grower would store), children 2i+1, 2i+2, leaves numbered left to right.
 */
function randomTree(
  mapper: ReturnType<typeof createBinMapper>,
  depth: number,
  seed: number,
  lastBin: boolean,
) {
  const rng = createRng(seed);
  const m = 2 ** depth - 1;
  const feature = new Int32Array(m);
  const threshold = new Float64Array(m);
  const defaultLeft = new Uint8Array(m);
  const left = new Int32Array(m);
  const right = new Int32Array(m);
  const nodeBin = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const f = rng.int(mapper.uppers.length);
    const up = mapper.uppers[f];
    // With lastBin, the root sends every value left (threshold MAX_VALUE, as the grower stores it).
    const bin = lastBin && i === 0 ? up.length : rng.int(up.length);
    feature[i] = f;
    nodeBin[i] = bin;
    threshold[i] = bin < up.length ? up[bin] : Number.MAX_VALUE;
    defaultLeft[i] = rng.int(2);
    const child = (c: number): number => (c < m ? c : ~(c - m));
    left[i] = child(2 * i + 1);
    right[i] = child(2 * i + 2);
  }
  const tree: Tree = {
    feature,
    threshold,
    defaultLeft,
    left,
    right,
    gain: new Float64Array(m),
    leafValue: new Float64Array(m + 1),
  };
  return { tree, nodeBin };
}

describe('routeRowsBinned', () => {
  for (const wasm of [true, false]) {
    it(`sends every row to the leaf routeRows gives on raw values (${wasm ? 'wasm' : 'JavaScript'} partition)`, () => {
      const n = 3000;
      const x = ds(columns(n, 5, 1));
      const mapper = createBinMapper(x, 31);
      if (!wasm) setGbdtWasmLimit(0);
      try {
        const buf = createGrowBuffers(x, mapper, {
          scores: new Float64Array(n * 3),
          y: new Int32Array(n),
          weight: undefined,
          numClasses: 3,
          numLeaves: 16,
        });
        expect(buf.kernels !== undefined).toBe(wasm);
        // Every other row: an out-of-bag set in ascending order, as training routes it.
        const oob = Uint32Array.from({ length: n / 2 }, (_, i) => 2 * i + (i % 3 === 0 ? 1 : 0));
        for (let seed = 0; seed < 20; seed++) {
          const { tree, nodeBin } = randomTree(mapper, 4, seed, false);
          const want = new Uint16Array(n).fill(999);
          routeRows(tree, x, Uint32Array.from(oob), oob.length, new Uint32Array(n), want);
          const got = new Uint16Array(n).fill(999);
          buf.routed.set(oob);
          expect(routeRowsBinned(tree, nodeBin, buf, mapper, buf.routed, oob.length, got)).toBe(true);
          expect(Array.from(got)).toEqual(Array.from(want));
          expect(new Set(Array.from(oob, (r) => got[r])).size).toBeGreaterThan(4);
        }
      } finally {
        setGbdtWasmLimit(undefined);
      }
    });
  }

  it('declines a tree with a node that sends every value left (+Infinity goes right on raw values)', () => {
    const n = 500;
    const x = ds(columns(n, 3, 2));
    const mapper = createBinMapper(x, 15);
    const buf = createGrowBuffers(x, mapper, {
      scores: new Float64Array(n * 3),
      y: new Int32Array(n),
      weight: undefined,
      numClasses: 3,
      numLeaves: 8,
    });
    const { tree, nodeBin } = randomTree(mapper, 3, 5, true);
    buf.routed.set(Uint32Array.from({ length: n }, (_, i) => i));
    const leafOf = new Uint16Array(n).fill(7);
    expect(routeRowsBinned(tree, nodeBin, buf, mapper, buf.routed, n, leafOf)).toBe(false);
    // Nothing was written before declining.
    expect(leafOf.every((v) => v === 7)).toBe(true);
  });
});
