import { logger } from '../../core/index.js';
import type { Dataset } from '../learner.js';
import { type BinMapper, binDataset } from './binning.js';
import { histogramKernels } from './histogram-wasm.js';
import { BLOCK } from './histogram-wat.js';
import type { GrowBuffers } from './tree-grower.js';
import { arenaBytes, MAX_ARENA_BYTES, WasmArena } from './wasm-arena.js';

/** Two threads' BLOCK (g, h) pairs. */
const SCRATCH_DOUBLES = 2 * 2 * BLOCK;

const shared = <T>(C: new (b: SharedArrayBuffer) => T, bytes: number): T =>
  new C(new SharedArrayBuffer(Math.max(8, bytes)));

let wasmLimit = MAX_ARENA_BYTES;

/**
 * Largest arena for which training uses the wasm kernels (undefined: MAX_ARENA_BYTES); above it the
 * JavaScript kernels run. For tests of that fallback; results are identical either way.
 */
export function setGbdtWasmLimit(bytes: number | undefined): void {
  wasmLimit = bytes ?? MAX_ARENA_BYTES;
}

/** An arena of `bytes`, or undefined (JavaScript kernels) when the engine refuses a memory that big. */
function tryArena(bytes: number): WasmArena | undefined {
  try {
    return new WasmArena(bytes);
  } catch (e) {
    logger.warn(
      'gbdt: no wasm memory of this size; the JavaScript kernels run instead (same results, slower)',
      {
        bytes,
        error: e instanceof Error ? e.message : String(e),
      },
    );
    return undefined;
  }
}

/** A copy of `a` in the arena (the wasm gradient kernel reads scores and labels there). */
function inArena<T extends Float64Array | Int32Array>(arena: WasmArena, a: T): T {
  const out = (
    a instanceof Float64Array ? arena.alloc(Float64Array, a.length) : arena.alloc(Int32Array, a.length)
  ) as T;
  out.set(a as never);
  return out;
}

/** What the training loop needs besides the dataset: raw scores, labels, weights (shared copies). */
export interface GrowInputs {
  scores: Float64Array;
  y: Int32Array;
  weight: Float64Array | undefined;
  numClasses: number;
  numLeaves: number;
}

/**
 * Bins the data and allocates the buffers the grower and the histogram worker share. The arrays the
 * wasm kernels read (cells, gradients, rows, feature ids, histograms, partition buffers) are carved out of one
 * shared wasm memory so the WebAssembly kernels run on them; when they would not fit one (above
 * MAX_ARENA_BYTES, hundreds of millions of cells) they are plain shared buffers and the JavaScript
 * kernel runs instead. Both give the same bits.
 */
export function createGrowBuffers(x: Dataset, mapper: BinMapper, inputs: GrowInputs): GrowBuffers {
  const { n, d } = x;
  const K = inputs.numClasses;
  const cells = Math.max(1, n * d);
  const histDoubles = (inputs.numLeaves + 1) * mapper.totalBins * 2;
  const sizes = [
    cells * (mapper.totalBins > 65_536 ? 4 : 2),
    cells,
    n * K * 2 * 8,
    n * 4,
    d * 4,
    histDoubles * 8,
    SCRATCH_DOUBLES * 8,
    n * 4,
    n * 4,
    256,
    inputs.scores.byteLength,
    inputs.y.byteLength,
  ];
  const need = arenaBytes(sizes);
  const arena = need <= wasmLimit ? tryArena(need) : undefined;
  const binned = binDataset(x, mapper, arena);
  return {
    bins: binned.byRow,
    binsByFeature: binned.byFeature,
    n,
    d,
    gh: arena ? arena.alloc(Float64Array, n * K * 2) : shared(Float64Array, n * K * 2 * 8),
    rows: arena ? arena.alloc(Uint32Array, n) : shared(Uint32Array, n * 4),
    feats: arena ? arena.alloc(Int32Array, d) : shared(Int32Array, d * 4),
    hist: arena ? arena.alloc(Float64Array, histDoubles) : shared(Float64Array, histDoubles * 8),
    histStride: mapper.totalBins * 2,
    scratchBase: inputs.numLeaves * mapper.totalBins * 2,
    routed: arena ? arena.alloc(Uint32Array, n) : new Uint32Array(n),
    tmp: arena ? arena.alloc(Uint32Array, n) : shared(Uint32Array, n * 4),
    goLeft: arena ? arena.alloc(Uint8Array, 256) : shared(Uint8Array, 256),
    scores: arena ? inArena(arena, inputs.scores) : inputs.scores,
    y: arena ? inArena(arena, inputs.y) : inputs.y,
    weight: inputs.weight,
    numClasses: K,
    scratch: arena ? arena.alloc(Float64Array, SCRATCH_DOUBLES) : new Float64Array(SCRATCH_DOUBLES),
    memory: arena?.memory,
    wasmGradients: arena !== undefined && K === 3 && inputs.weight === undefined,
    kernels: arena ? histogramKernels(arena.memory) : undefined,
  };
}
