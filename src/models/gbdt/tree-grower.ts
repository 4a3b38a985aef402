import type { BinMapper, RowBins } from './binning.js';
import { subtractHistogram } from './histogram.js';
import { type HistogramBuilder, type SplitJob, searchSplit } from './histogram-builder.js';
import type { HistogramKernels } from './histogram-wasm.js';
import type { WasmMemory } from './wasm-api.js';
import { emptySplit, type SplitInfo, type SplitParams } from './split.js';
import type { Tree } from './tree.js';

/** Growth limits of one tree. */
export interface GrowParams extends SplitParams {
  numLeaves: number;
  maxDepth: number;
  learningRate: number;
}

/** Shared-memory buffers the grower and the histogram workers both see. */
export interface GrowBuffers {
  /** Row-major histogram cell indices (see binDataset). */
  bins: RowBins;
  d: number;
  /** Gradient of row i for class k at (k*n + i)*2, its hessian next (see histogram.ts). */
  gh: Float64Array;
  /** Row ids, partitioned so each leaf owns a contiguous range. */
  rows: Uint32Array;
  feats: Int32Array;
  hist: Float64Array;
  /** Column-major copy of `bins` (feature j at j*n): partitioning reads one feature of many rows. */
  binsByFeature: Uint8Array;
  n: number;
  /** Doubles per histogram slot: a (gradient, hessian) sum pair per bin (see histogram.ts). */
  histStride: number;
  /** Offset in `hist` of the slot past the leaves' that holds a leaf's second-chunk partial sums. */
  scratchBase: number;
  /** Out-of-bag rows being routed through the last tree (routeRowsBinned), as long as `rows`. */
  routed: Uint32Array;
  /** Partition scratch (rows going right), as long as `rows`. */
  tmp: Uint32Array;
  /** Per-bin direction of the split being applied (1 = left), so partitioning has no branch. */
  goLeft: Uint8Array;
  /** Raw scores, row-major n×K, and the labels and optional weights the gradients are taken from. */
  scores: Float64Array;
  y: Int32Array;
  weight: Float64Array | undefined;
  numClasses: number;
  /** The wasm memory holding bins, gh, rows, feats and hist, and its kernels; undefined: JavaScript kernel. */
  memory: WasmMemory | undefined;
  kernels: HistogramKernels | undefined;
  /** Whether gradients use the wasm kernel: 3 classes, no weights, scores and labels in the arena. */
  wasmGradients: boolean;
  /** Gathered-gradient scratch of the blocked wasm kernel: the first half the main thread's, the second the worker's. */
  scratch: Float64Array;
}

/**
 * Leaf-wise (best-first) tree growth over binned rows. Buffers are reused across trees; after
 * `grow`, leaf l owns rows[leafStart[l] .. leafStart[l] + leafCount[l]).
 */
export class TreeGrower {
  readonly leafStart: Int32Array;
  readonly leafCount: Int32Array;
  private readonly leafG: Float64Array;
  private readonly leafH: Float64Array;
  private readonly leafDepth: Int32Array;
  private readonly leafParent: Int32Array;
  private readonly leafIsLeft: Uint8Array;
  private readonly splits: SplitInfo[];
  private readonly feature: Int32Array;
  private readonly threshold: Float64Array;
  private readonly defaultLeft: Uint8Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly gain: Float64Array;
  /** Split bin of each node of the last tree grown (rows with bin <= it went left). */
  readonly nodeBin: Int32Array;
  /**
   * Histogram slot of each leaf. After a split the larger child keeps its parent's slot (its histogram
   * is the parent's minus the smaller child's) and the smaller child takes the free one, so no
   * histogram is ever copied.
   */
  private readonly slotOf: Int32Array;
  private readonly jobA: SplitJob = { base: 0, sumG: 0, sumH: 0, count: 0, out: emptySplit() };
  private readonly jobB: SplitJob = { base: 0, sumG: 0, sumH: 0, count: 0, out: emptySplit() };

  constructor(
    private readonly buf: GrowBuffers,
    private readonly mapper: BinMapper,
    private readonly p: GrowParams,
    private readonly builder: HistogramBuilder,
  ) {
    const L = p.numLeaves;
    this.leafStart = new Int32Array(L);
    this.leafCount = new Int32Array(L);
    this.leafG = new Float64Array(L);
    this.leafH = new Float64Array(L);
    this.leafDepth = new Int32Array(L);
    this.leafParent = new Int32Array(L);
    this.leafIsLeft = new Uint8Array(L);
    this.splits = Array.from({ length: L }, emptySplit);
    this.feature = new Int32Array(L - 1);
    this.threshold = new Float64Array(L - 1);
    this.defaultLeft = new Uint8Array(L - 1);
    this.left = new Int32Array(L - 1);
    this.right = new Int32Array(L - 1);
    this.gain = new Float64Array(L - 1);
    this.nodeBin = new Int32Array(Math.max(0, L - 1));
    this.slotOf = new Int32Array(L);
  }

  /** Grows one tree of class k on rows[0..rootCount) with the current gradients and feature subset. */
  grow(k: number, rootCount: number, nf: number): { tree: Tree; numLeaves: number } {
    const { gh, rows, hist, histStride: S } = this.buf;
    const { offsets, numBins, uppers } = this.mapper;
    const { feature, threshold, defaultLeft, left, right, gain } = this;
    const p = this.p;
    const ghBase = 2 * k * this.buf.n;
    let g0 = 0;
    let h0 = 0;
    const { kernels, scratch } = this.buf;
    if (kernels) {
      kernels.sumPairs(rows.byteOffset, 0, rootCount, gh.byteOffset + 8 * ghBase, scratch.byteOffset);
      g0 = scratch[0];
      h0 = scratch[1];
    } else {
      for (let q = 0; q < rootCount; q++) {
        const o = ghBase + 2 * rows[q];
        g0 += gh[o];
        h0 += gh[o + 1];
      }
    }
    this.leafStart[0] = 0;
    this.leafCount[0] = rootCount;
    this.leafG[0] = g0;
    this.leafH[0] = h0;
    this.leafDepth[0] = 0;
    this.leafParent[0] = -1;
    let numLeaves = 1;
    let numNodes = 0;
    this.slotOf[0] = 0;
    if (this.canSplit(0) && p.numLeaves > 1) {
      this.builder.build(k, 0, rootCount, nf, 0);
      this.evaluate(0, nf);
    } else this.splits[0].feature = -1;

    while (numLeaves < p.numLeaves) {
      let best = -1;
      for (let l = 0; l < numLeaves; l++) {
        const s = this.splits[l];
        if (s.feature >= 0 && (best < 0 || s.gain > this.splits[best].gain)) best = l;
      }
      if (best < 0) break;
      const s = this.splits[best];
      const L = best;
      const R = numLeaves++;
      const node = numNodes++;
      feature[node] = s.feature;
      // Past the last upper bound only when all values go left and the missing rows right.
      threshold[node] = s.bin < uppers[s.feature].length ? uppers[s.feature][s.bin] : Number.MAX_VALUE;
      defaultLeft[node] = s.defaultLeft ? 1 : 0;
      this.nodeBin[node] = s.bin;
      gain[node] = s.gain;
      left[node] = ~L;
      right[node] = ~R;
      const parent = this.leafParent[L];
      if (parent >= 0) {
        if (this.leafIsLeft[L] === 1) left[parent] = node;
        else right[parent] = node;
      }
      const start = this.leafStart[L];
      const count = this.leafCount[L];
      const nLeft = this.partition(start, count, s);
      const depth = this.leafDepth[L] + 1;
      this.leafParent[L] = node;
      this.leafIsLeft[L] = 1;
      this.leafParent[R] = node;
      this.leafIsLeft[R] = 0;
      this.leafStart[R] = start + nLeft;
      this.leafCount[R] = count - nLeft;
      this.leafCount[L] = nLeft;
      this.leafG[R] = this.leafG[L] - s.leftG;
      this.leafH[R] = this.leafH[L] - s.leftH;
      this.leafG[L] = s.leftG;
      this.leafH[L] = s.leftH;
      this.leafDepth[L] = depth;
      this.leafDepth[R] = depth;
      const okL = this.canSplit(L);
      const okR = this.canSplit(R);
      this.splits[L].feature = -1;
      this.splits[R].feature = -1;
      // Leaves 0..R hold slots 0..R: the new leaf takes slot R unless the swap below gives it L's.
      const parentSlot = this.slotOf[L];
      this.slotOf[R] = R;
      if (numLeaves >= p.numLeaves || (!okL && !okR)) continue;
      // Histogram subtraction: build the smaller child into the free slot, and the larger keeps the
      // parent's histogram minus it.
      const leftSmaller = nLeft <= count - nLeft;
      const small = leftSmaller ? L : R;
      if (leftSmaller) {
        this.slotOf[L] = R;
        this.slotOf[R] = parentSlot;
      }
      this.builder.build(k, this.leafStart[small], this.leafStart[small] + this.leafCount[small], nf, R * S);
      subtractHistogram(this.buf.feats, nf, offsets, numBins, hist, parentSlot * S, R * S, S >>> 1);
      if (okL && okR) this.evaluatePair(L, R, nf);
      else if (okL) this.evaluate(L, nf);
      else if (okR) this.evaluate(R, nf);
    }
    const leafValue = new Float64Array(numLeaves);
    for (let l = 0; l < numLeaves; l++)
      leafValue[l] = (-this.leafG[l] / (this.leafH[l] + p.lambdaL2)) * p.learningRate;
    const tree: Tree = {
      feature: feature.slice(0, numNodes),
      threshold: threshold.slice(0, numNodes),
      defaultLeft: defaultLeft.slice(0, numNodes),
      left: left.slice(0, numNodes),
      right: right.slice(0, numNodes),
      gain: gain.slice(0, numNodes),
      leafValue,
    };
    return { tree, numLeaves };
  }

  private canSplit(l: number): boolean {
    const p = this.p;
    return this.leafCount[l] >= 2 * p.minDataInLeaf && (p.maxDepth < 0 || this.leafDepth[l] < p.maxDepth);
  }

  private evaluate(l: number, nf: number): void {
    searchSplit(this.buf, this.mapper, this.job(this.jobA, l), nf, this.p);
  }

  /** Both children of a split: the histogram builder may search them on two threads. */
  private evaluatePair(l: number, r: number, nf: number): void {
    this.builder.splitPair(this.job(this.jobA, l), this.job(this.jobB, r), nf, this.p);
  }

  private job(j: SplitJob, l: number): SplitJob {
    j.base = this.slotOf[l] * this.buf.histStride;
    j.sumG = this.leafG[l];
    j.sumH = this.leafH[l];
    j.count = this.leafCount[l];
    j.out = this.splits[l];
    return j;
  }

  /** Stable in-place partition of a leaf's rows; returns how many went left. */
  private partition(start: number, count: number, s: SplitInfo): number {
    const { goLeft } = this.buf;
    const f = s.feature;
    const missing = this.mapper.numBins[f] - 1;
    for (let b = 0; b < missing; b++) goLeft[b] = b <= s.bin ? 1 : 0;
    goLeft[missing] = s.defaultLeft ? 1 : 0;
    return this.builder.partition(start, start + count, f * this.buf.n);
  }
}
