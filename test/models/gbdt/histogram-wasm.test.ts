import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { compileWat, histogramWasmModuleSource } from '../../../scripts/wasm-compile.mjs';
import { syntheticGbdtData } from '../../../bench/gbdt-bench.js';
import { createRng } from '../../../src/core/index.js';
import { setGbdtWasmLimit, trainGbdt } from '../../../src/models/gbdt/index.js';
import { buildHistogram } from '../../../src/models/gbdt/histogram.js';
import { joinPartitions, partitionSerial } from '../../../src/models/gbdt/histogram-builder.js';
import {
  buildHistogramWasm,
  gradientsWasm,
  histogramKernels,
} from '../../../src/models/gbdt/histogram-wasm.js';
import { softmaxGradients } from '../../../src/models/gbdt/objective.js';
import { BLOCK, histogramKernelWat } from '../../../src/models/gbdt/histogram-wat.js';
import { partitionRows } from '../../../src/models/gbdt/partition.js';
import type { GrowBuffers } from '../../../src/models/gbdt/tree-grower.js';
import { WasmArena } from '../../../src/models/gbdt/wasm-arena.js';
import { firstDiff } from './helpers.js';

const BYTES_MODULE = new URL('../../../src/models/gbdt/histogram-wasm-bytes.ts', import.meta.url);

describe('wasm histogram kernels', () => {
  it('the committed bytes are the compiled text (run `node scripts/build-wasm.mjs` after editing it)', async () => {
    const bytes = await compileWat('histogram.wat', histogramKernelWat());
    expect(readFileSync(BYTES_MODULE, 'utf8')).toBe(histogramWasmModuleSource(bytes));
  });

  /**
   * Random data in an arena: n rows × d features of `nb` bins each (offset by `shift` cells, past
   * 65,535 for the 32-bit cells a histogram of that many bins uses) and one class of gradients.
   */
  function setup(n: number, d: number, nb: number, wide: boolean, seed: number) {
    const shift = wide ? 70_000 : 0;
    const half = shift + d * nb;
    const arena = new WasmArena(n * d * 4 + n * 16 + n * 4 + d * 4 + 4 * half * 8 + 4 * BLOCK * 8 + 4096);
    const cells = wide ? arena.alloc(Uint32Array, n * d) : arena.alloc(Uint16Array, n * d);
    const gh = arena.alloc(Float64Array, 2 * n);
    const rows = arena.alloc(Uint32Array, n);
    const feats = arena.alloc(Int32Array, d);
    const hist = arena.alloc(Float64Array, 4 * half);
    const scratch = arena.alloc(Float64Array, 4 * BLOCK);
    const rng = createRng(seed);
    for (let i = 0; i < n * d; i++) cells[i] = shift + (i % d) * nb + rng.int(nb);
    for (let i = 0; i < 2 * n; i++) gh[i] = rng.normal() * 10 ** (rng.int(6) - 3);
    return { cells, gh, rows, feats, hist, scratch, half, kernels: histogramKernels(arena.memory) };
  }

  it('sum every cell exactly as buildHistogram does: dense, scattered and feature-subset rows, 16/32-bit cells', () => {
    for (const wide of [false, true]) {
      // d = 13: the 8-wide unrolled loop plus a 5-cell tail.
      const n = 5000;
      const d = 13;
      const s = setup(n, d, 9, wide, wide ? 2 : 1);
      const rng = createRng(3);
      const all = Uint32Array.from({ length: n }, (_, i) => i);
      // Dense rows (gap ≤ 2: the direct kernel) and scattered ones (the blocked kernel).
      const dense = all.filter(() => rng.next() < 0.9);
      const sparse = all.filter(() => rng.next() < 0.07);
      const order = Int32Array.from([12, 0, 5, 7, 2, 9, 1, 3, 4, 6, 8, 10, 11]);
      for (const rowSet of [dense, sparse]) {
        // Ranges whose length is not a multiple of BLOCK, exactly one block, and a single row.
        const ranges = [
          [0, rowSet.length],
          [3, rowSet.length - 2],
          [7, 7 + BLOCK],
          [4, 5],
        ];
        for (const nf of [d, 6, 1]) {
          for (const [start, end] of ranges) {
            s.rows.set(rowSet);
            s.feats.set(order.subarray(0, nf));
            // Slot 1 (base 2·half), so a write outside the slot would show in slot 0.
            const want = new Float64Array(4 * s.half);
            buildHistogram(
              s.cells,
              d,
              s.rows,
              start,
              end,
              s.gh,
              2,
              0,
              s.feats,
              0,
              nf,
              want,
              2 * s.half,
              s.half,
            );
            s.hist.fill(0);
            buildHistogramWasm(
              s.kernels,
              s.cells,
              d,
              s.rows,
              start,
              end,
              s.gh,
              0,
              s.feats,
              nf,
              s.hist,
              2 * s.half,
              s.scratch.byteOffset,
            );
            const same = s.hist.every((v, i) => Object.is(v, want[i]));
            expect({ wide, nf, start, end, rows: rowSet.length, same }).toEqual({
              wide,
              nf,
              start,
              end,
              rows: rowSet.length,
              same: true,
            });
            expect(want.some((v) => v !== 0)).toBe(true);
          }
        }
      }
    }
  });

  it('sumPairs gives the bits of two scalar sums in row order', () => {
    const s = setup(3000, 2, 4, false, 6);
    s.rows.set(Uint32Array.from({ length: 3000 }, (_, i) => (i * 7) % 3000));
    for (const [start, end] of [
      [0, 3000],
      [17, 2999],
      [5, 5],
    ]) {
      let g = 0;
      let h = 0;
      for (let q = start; q < end; q++) {
        g += s.gh[2 * s.rows[q]];
        h += s.gh[2 * s.rows[q] + 1];
      }
      s.kernels.sumPairs(s.rows.byteOffset, start, end, s.gh.byteOffset, s.scratch.byteOffset);
      expect([Object.is(s.scratch[0], g), Object.is(s.scratch[1], h)]).toEqual([true, true]);
    }
  });

  it('softmax3 gives softmaxGradients bit for bit, fdlibm exp included (every range and the fallback)', () => {
    // Score differences that reach each branch of exp: |x| < 2^-28, ≤ ln2/2, < 1.5 ln2, larger, the
    // 2^-1000 scaling below k = -1021 (x < -707.7), underflow past -745 (the Math.exp fallback), ties,
    // ±0, and rows with NaN or ±Infinity scores (the fallback too).
    const special = [
      0, -0, 1e-9, -3e-9, 0.3, -0.34, 0.36, 1.03, -1.05, 5, -20, 300, -707.5, -708, -709.5, -720, -746,
    ];
    const rng = createRng(12);
    const n = 4001; // odd: the last row goes through the JavaScript function
    const arena = new WasmArena(n * 3 * 8 + n * 4 + n * 3 * 16 + 4096);
    const raw = arena.alloc(Float64Array, n * 3);
    const y = arena.alloc(Int32Array, n);
    const gh = arena.alloc(Float64Array, n * 6);
    for (let i = 0; i < n * 3; i++) {
      const r = rng.next();
      raw[i] = r < 0.3 ? special[rng.int(special.length)] : r < 0.9 ? rng.normal() * 4 : rng.normal() * 300;
    }
    raw[30] = Number.NaN;
    raw[61] = Number.POSITIVE_INFINITY;
    raw[95] = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) y[i] = rng.int(3);
    const want = new Float64Array(n * 6);
    softmaxGradients(raw, y, 3, undefined, want);
    for (const [from, to] of [
      [0, n],
      [6, 1001],
    ]) {
      gh.fill(7);
      gradientsWasm(histogramKernels(arena.memory), raw, y, gh, from, to, softmaxGradients);
      let mismatches = 0;
      for (let k = 0; k < 3; k++)
        for (let i = 0; i < n; i++)
          for (let c = 0; c < 2; c++) {
            const at = 2 * (k * n + i) + c;
            const expected = i >= from && i < to ? want[at] : 7;
            if (!Object.is(gh[at], expected)) mismatches++;
          }
      expect({ from, to, mismatches }).toEqual({ from, to, mismatches: 0 });
    }
    // Math.exp itself through the same lanes: a wide sweep of the domain.
    const xs = arena.alloc(Float64Array, 6);
    const exps = Float64Array.from({ length: 200_000 }, (_, i) => -((i / 200_000) ** 4) * 745);
    let bad = 0;
    const kernels = histogramKernels(arena.memory);
    for (let i = 0; i < exps.length; i += 2) {
      // Rows (0, a, b) and (0, b, a): their maximum is 0, so the kernel takes exp(a) and exp(b) as they
      // are, and any bit of difference shows in the probabilities it derives from them.
      xs.set([0, exps[i], exps[i + 1], 0, exps[i + 1], exps[i]]);
      const ref = new Float64Array(12);
      const out = new Float64Array(12);
      const yy = Int32Array.of(0, 1);
      softmaxGradients(xs, yy, 3, undefined, ref);
      const yArena = y.subarray(0, 2);
      yArena.set(yy);
      const ghA = gh.subarray(0, 12);
      kernels.softmax3(xs.byteOffset, yArena.byteOffset, ghA.byteOffset, 2, 0, 2);
      out.set(ghA);
      for (let q = 0; q < 12; q++) if (!Object.is(out[q], ref[q])) bad++;
    }
    expect(bad).toBe(0);
  });

  it('partition is partitionRows, and two joined halves are one serial partition', () => {
    const n = 20_000;
    const arena = new WasmArena(n * 4 * 2 + n + 256 + 1024);
    const rows = arena.alloc(Uint32Array, n);
    const tmp = arena.alloc(Uint32Array, n);
    const bins = arena.alloc(Uint8Array, n);
    const goLeft = arena.alloc(Uint8Array, 256);
    const kernels = histogramKernels(arena.memory);
    const rng = createRng(9);
    for (let i = 0; i < n; i++) bins[i] = rng.int(40);
    for (let b = 0; b < 40; b++) goLeft[b] = rng.next() < 0.4 ? 1 : 0;
    const leaf = Uint32Array.from({ length: n }, (_, i) => i).filter(() => rng.next() < 0.6);
    const m = leaf.length;
    // Reference: partitionRows on plain arrays.
    const refRows = Uint32Array.from(leaf);
    const refTmp = new Uint32Array(n);
    const refLeft = partitionRows(refRows, refTmp, 0, m, bins, 0, goLeft);
    rows.set(leaf);
    const left = kernels.partition(rows.byteOffset, tmp.byteOffset, 0, m, bins.byteOffset, goLeft.byteOffset);
    expect(left).toBe(refLeft);
    expect(Array.from(rows.subarray(0, left))).toEqual(Array.from(refRows.subarray(0, refLeft)));
    expect(Array.from(tmp.subarray(0, m - left))).toEqual(Array.from(refTmp.subarray(0, m - refLeft)));

    const buf = { rows, tmp, binsByFeature: bins, goLeft, kernels } as unknown as GrowBuffers;
    for (const [start, end] of [
      [0, m],
      [11, m - 5],
    ]) {
      rows.set(leaf);
      const serialLeft = partitionSerial(buf, start, end, 0);
      const serial = Array.from(rows.subarray(start, end));
      rows.set(leaf);
      const mid = start + ((end - start) >>> 1);
      const la = kernels.partition(
        rows.byteOffset,
        tmp.byteOffset,
        start,
        mid,
        bins.byteOffset,
        goLeft.byteOffset,
      );
      const lb = kernels.partition(
        rows.byteOffset,
        tmp.byteOffset,
        mid,
        end,
        bins.byteOffset,
        goLeft.byteOffset,
      );
      expect(joinPartitions(buf, start, mid, end, la, lb)).toBe(serialLeft);
      expect(Array.from(rows.subarray(start, end))).toEqual(serial);
      // Stable: each side in row order, and every row of the leaf exactly once.
      const l = serial.slice(0, serialLeft);
      const r = serial.slice(serialLeft);
      expect(l.every((v, i) => i === 0 || v > l[i - 1]) && r.every((v, i) => i === 0 || v > r[i - 1])).toBe(
        true,
      );
      expect(l.every((v) => goLeft[bins[v]] === 1) && r.every((v) => goLeft[bins[v]] === 0)).toBe(true);
    }
  });
});

describe('training with the wasm kernels', () => {
  it('gives byte-identical models to the JavaScript kernels, serial and threaded', () => {
    const data = syntheticGbdtData(20_000, 10, 4);
    const opts = {
      numRounds: 15,
      numLeaves: 15,
      minDataInLeaf: 20,
      featureFraction: 0.8,
      baggingFraction: 0.8,
      baggingFreq: 1,
    };
    const wasm = JSON.stringify(trainGbdt(data, { ...opts, numThreads: 1 }).toJSON());
    const wasmThreaded = JSON.stringify(trainGbdt(data, { ...opts, numThreads: 2 }).toJSON());
    setGbdtWasmLimit(0);
    try {
      const js = JSON.stringify(trainGbdt(data, { ...opts, numThreads: 1 }).toJSON());
      const jsThreaded = JSON.stringify(trainGbdt(data, { ...opts, numThreads: 2 }).toJSON());
      expect(firstDiff(wasm, js)).toBe(-1);
      expect(firstDiff(wasm, jsThreaded)).toBe(-1);
      expect(firstDiff(wasm, wasmThreaded)).toBe(-1);
    } finally {
      setGbdtWasmLimit(undefined);
    }
  });
});
