import { HISTOGRAM_WASM_BASE64 } from './histogram-wasm-bytes.js';
import { type WasmMemory, type WasmModule, wasmApi } from './wasm-api.js';

/** Arguments of a histogram kernel: rows[start..end) of one class's (g, h) pairs into a slot. */
type BuildArgs = [
  cells: number,
  d: number,
  rows: number,
  start: number,
  end: number,
  gh: number,
  hist: number,
];
/** Every feature. */
type DenseKernel = (...args: BuildArgs) => void;
/** Every feature, for scattered rows, with this thread's gather scratch; returns a checksum. */
type BlockedKernel = (...args: [...build: BuildArgs, scratch: number]) => number;
/** The features feats[0..nf) only. */
type SubsetKernel = (...args: [...build: BuildArgs, feats: number, nf: number]) => void;

/** The kernels of histogram-wat.ts; every pointer is a byte offset in the arena's memory. */
export interface HistogramKernels {
  dense16: DenseKernel;
  dense32: DenseKernel;
  blocked16: BlockedKernel;
  blocked32: BlockedKernel;
  subset16: SubsetKernel;
  subset32: SubsetKernel;
  partition(rows: number, tmp: number, from: number, to: number, col: number, goLeft: number): number;
  sumPairs(rows: number, start: number, end: number, gh: number, out: number): void;
  softmax3(raw: number, y: number, gh: number, n: number, from: number, to: number): void;
}

let compiled: WasmModule | undefined;

/** The compiled kernel module (compiled once per thread; a Module can also be posted to a worker). */
export function histogramWasmModule(): WasmModule {
  compiled ??= new wasmApi.Module(Buffer.from(HISTOGRAM_WASM_BASE64, 'base64'));
  return compiled;
}

/** Instantiates the kernels on a shared memory (the arena's). */
export function histogramKernels(memory: WasmMemory): HistogramKernels {
  const instance = new wasmApi.Instance(histogramWasmModule(), { env: { mem: memory, exp: Math.exp } });
  return instance.exports as unknown as HistogramKernels;
}

/**
 * buildHistogram through the wasm kernels: rows[start..end) of the class whose gradients start at
 * double `ghOffset` of `gh`, features feats[0..nf) (all d when nf = d), into the slot at double
 * `base` of `hist`. Rows that are mostly consecutive (the root's, a shallow leaf's) take the direct
 * kernel, which the hardware prefetcher feeds; scattered ones (a deep leaf's) the blocked kernel, with
 * `scratch` (this thread's own BLOCK pairs) for the gathered gradients. The histogram worker embeds
 * this function's source, so it stays self-contained.
 */
export function buildHistogramWasm(
  kernels: HistogramKernels,
  cells: Uint16Array | Uint32Array,
  d: number,
  rows: Uint32Array,
  start: number,
  end: number,
  gh: Float64Array,
  ghOffset: number,
  feats: Int32Array,
  nf: number,
  hist: Float64Array,
  base: number,
  scratch: number,
): number {
  const g = gh.byteOffset + 8 * ghOffset;
  const h = hist.byteOffset + 8 * base;
  const wide = cells.BYTES_PER_ELEMENT === 4;
  const c = cells.byteOffset;
  const r = rows.byteOffset;
  if (nf !== d) {
    if (wide) kernels.subset32(c, d, r, start, end, g, h, feats.byteOffset, nf);
    else kernels.subset16(c, d, r, start, end, g, h, feats.byteOffset, nf);
    return 0;
  }
  // Mean distance between consecutive rows (ascending within a leaf).
  const count = end - start;
  const gap = count > 1 ? (rows[end - 1] - rows[start]) / (count - 1) : 1;
  if (gap <= 2) {
    if (wide) kernels.dense32(c, d, r, start, end, g, h);
    else kernels.dense16(c, d, r, start, end, g, h);
    return 0;
  }
  return wide
    ? kernels.blocked32(c, d, r, start, end, g, h, scratch)
    : kernels.blocked16(c, d, r, start, end, g, h, scratch);
}

/**
 * softmaxGradients over rows[from..to) through the wasm kernel when it applies (3 classes, no weights,
 * all in the arena): an even number of rows there, the last odd one by the JavaScript function
 * `js` (softmaxGradients itself; passed in so the worker can embed this function's source).
 */
export function gradientsWasm(
  kernels: HistogramKernels,
  raw: Float64Array,
  y: Int32Array,
  gh: Float64Array,
  from: number,
  to: number,
  js: (
    raw: Float64Array,
    y: Int32Array,
    K: number,
    w: undefined,
    gh: Float64Array,
    from: number,
    to: number,
  ) => void,
): void {
  const even = from + ((to - from) & ~1);
  kernels.softmax3(raw.byteOffset, y.byteOffset, gh.byteOffset, y.length, from, even);
  if (even < to) js(raw, y, 3, undefined, gh, even, to);
}
