import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/index.js';
import { binDataset, binOf, createBinMapper, sortFloats } from '../../../src/models/gbdt/binning.js';
import { buildHistogram } from '../../../src/models/gbdt/histogram.js';
import { classGradients, softmaxGradients, softmaxInto } from '../../../src/models/gbdt/objective.js';
import { complementOf } from '../../../src/models/gbdt/pending-scores.js';
import { RoutedScores } from '../../../src/models/gbdt/routed-scores.js';
import { addTreeScores, routeRows, type Tree } from '../../../src/models/gbdt/tree.js';
import { ds } from './helpers.js';

/** Doubles with ties, both zeros, infinities, subnormals and a wide range of magnitudes. */
function awkwardColumn(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const special = [0, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 5e-324, -5e-324, 1, -1];
  return Float64Array.from({ length: n }, (_, i) => {
    if (i % 17 === 0) return special[i % special.length];
    if (i % 5 === 0) return Math.round(rng.normal() * 3);
    return rng.normal() * 10 ** (rng.int(40) - 20);
  });
}

describe('binning kernels', () => {
  it('sortFloats orders exactly like Float64Array#sort, -0 before +0', () => {
    for (const n of [0, 1, 100, 5000]) {
      const a = awkwardColumn(n, n + 1);
      const expected = Float64Array.from(a).sort();
      const got = sortFloats(Float64Array.from(a));
      expect(got.length).toBe(n);
      for (let i = 0; i < n; i++) expect(Object.is(got[i], expected[i]), `index ${i}`).toBe(true);
    }
  });

  it('binDataset gives binOf for every value, missing bin for NaN', () => {
    const col = awkwardColumn(3000, 7);
    for (let i = 3; i < col.length; i += 31) col[i] = Number.NaN;
    const coarse = Float64Array.from(col, (v) => Math.round(v));
    const x = ds([col, coarse]);
    for (const maxBin of [2, 16, 255]) {
      const mapper = createBinMapper(x, maxBin);
      const { byRow, byFeature } = binDataset(x, mapper);
      for (let j = 0; j < 2; j++) {
        for (let i = 0; i < x.n; i++) {
          const b = binOf(mapper.uppers[j], x.columns[j][i]);
          expect(byFeature[j * x.n + i]).toBe(b);
          expect(byRow[i * 2 + j]).toBe(mapper.offsets[j] + b);
        }
      }
    }
  });
});

describe('objective kernels', () => {
  it('softmaxGradients equals softmaxInto + classGradients bit for bit', () => {
    const n = 500;
    const K = 3;
    const rng = createRng(3);
    const raw = Float64Array.from({ length: n * K }, () => rng.normal() * 4);
    const y = Int32Array.from({ length: n }, () => rng.int(K));
    const weight = Float64Array.from({ length: n }, () => rng.next() * 2);
    for (const w of [undefined, weight]) {
      const gh = new Float64Array(2 * n * K);
      softmaxGradients(raw, y, K, w, gh);
      const prob = new Float64Array(n * K);
      softmaxInto(raw, K, prob);
      const grad = new Float64Array(n);
      const hess = new Float64Array(n);
      for (let k = 0; k < K; k++) {
        classGradients(prob, y, K, k, w, grad, hess);
        for (let i = 0; i < n; i++) {
          expect(gh[2 * (k * n + i)]).toBe(grad[i]);
          expect(gh[2 * (k * n + i) + 1]).toBe(hess[i]);
        }
      }
    }
  });
});

describe('histogram kernel', () => {
  it('buildHistogram sums each cell in row order on the dense and feature-subset paths, as (g, h) pairs', () => {
    const n = 3000;
    const d = 11;
    const nb = 7;
    const half = nb * d;
    const rng = createRng(5);
    const cells = Uint16Array.from({ length: n * d }, (_, c) => (c % d) * nb + rng.int(nb));
    const gh = Float64Array.from({ length: 2 * n }, () => rng.normal());
    const contiguous = Uint32Array.from({ length: n }, (_, i) => i);
    const sparse = contiguous.filter((i) => i % 9 === 0);
    const allFeats = Int32Array.from({ length: d }, (_, j) => j);
    const someFeats = Int32Array.from([0, 2, 3, 7, 10]);
    for (const rows of [contiguous, sparse]) {
      for (const feats of [allFeats, someFeats]) {
        const base = 2 * half;
        const got = new Float64Array(4 * half);
        buildHistogram(cells, d, rows, 5, rows.length, gh, 2, 0, feats, 0, feats.length, got, base, half);
        const want = new Float64Array(4 * half);
        for (let p = 5; p < rows.length; p++) {
          const r = rows[p];
          for (const j of feats) {
            const c = cells[r * d + j];
            want[base + 2 * c] += gh[2 * r];
            want[base + 2 * c + 1] += gh[2 * r + 1];
          }
        }
        expect(Array.from(got)).toEqual(Array.from(want));
      }
    }
  });
});

describe('routing rows through a tree', () => {
  // Node 0: f0 <= 1 (NaN left) → node 1, else node 2. Node 1: f1 <= -2 (NaN right) → leaf 0 | leaf 1.
  // Node 2: f1 <= 0.5 (NaN left) → leaf 2 | leaf 3.
  const tree: Tree = {
    feature: Int32Array.from([0, 1, 1]),
    threshold: Float64Array.from([1, -2, 0.5]),
    defaultLeft: Uint8Array.from([1, 0, 1]),
    left: Int32Array.from([1, ~0, ~2]),
    right: Int32Array.from([2, ~1, ~3]),
    gain: new Float64Array(3),
    leafValue: Float64Array.from([0.5, -1, 2, 4]),
  };
  const nan = Number.NaN;
  const inf = Number.POSITIVE_INFINITY;
  const f0 = [1, 1, nan, 2, 2, inf, -inf, 0.5, 3];
  const f1 = [-2, -1.9, nan, 0.5, 0.6, nan, -inf, inf, nan];
  // Worked out by hand from the node rules above.
  const expected = [0, 1, 1, 2, 3, 2, 0, 1, 2];

  it('sends each row to the leaf the row-by-row rules give, NaN to the default side', () => {
    const x = ds([f0, f1]);
    const rows = Uint32Array.from({ length: x.n }, (_, i) => i);
    const leafOf = new Uint16Array(x.n);
    routeRows(tree, x, rows, x.n, new Uint32Array(x.n), leafOf);
    expect(Array.from(leafOf)).toEqual(expected);
    // Only a subset of rows, in any order: only their entries are written.
    const some = Uint32Array.from([8, 3, 0]);
    const only = new Uint16Array(x.n).fill(9);
    routeRows(tree, x, some, 3, new Uint32Array(3), only);
    expect(Array.from(only)).toEqual([0, 9, 9, 2, 9, 9, 9, 9, 2]);
  });

  it('adds the same leaf values as the row-by-row traversal', () => {
    const x = ds([f0, f1]);
    const K = 2;
    const a = Float64Array.from({ length: x.n * K }, (_, i) => i / 7);
    const b = Float64Array.from(a);
    addTreeScores(tree, x, a, K, 1);
    new RoutedScores(x, b).add(tree, K, 1);
    expect(Array.from(b)).toEqual(Array.from(a));
    for (let i = 0; i < x.n; i++) expect(a[i * K + 1]).toBe((i * K + 1) / 7 + tree.leafValue[expected[i]]);
  });
});

describe('rows out of a bag', () => {
  it('lists the ids missing from an ascending bag, in order', () => {
    const out = new Uint32Array(8);
    expect(complementOf(Uint32Array.from([1, 3, 4]), 3, 6, out)).toBe(3);
    expect(Array.from(out.subarray(0, 3))).toEqual([0, 2, 5]);
    expect(complementOf(Uint32Array.from([0, 1, 2]), 3, 3, out)).toBe(0);
    expect(complementOf(new Uint32Array(0), 0, 2, out)).toBe(2);
    expect(Array.from(out.subarray(0, 2))).toEqual([0, 1]);
  });
});
