/** Best split of one leaf, found from its histogram. */
export interface SplitInfo {
  gain: number;
  feature: number;
  /** Rows with value bin <= bin go left. */
  bin: number;
  defaultLeft: boolean;
  leftG: number;
  leftH: number;
  leftC: number;
}

/** Split constraints shared by every leaf of a training run. */
export interface SplitParams {
  lambdaL2: number;
  minDataInLeaf: number;
  minSumHessianInLeaf: number;
  minGainToSplit: number;
}

/** An empty split (gain -Infinity) to be filled by findBestSplit. */
export function emptySplit(): SplitInfo {
  return {
    gain: Number.NEGATIVE_INFINITY,
    feature: -1,
    bin: 0,
    defaultLeft: false,
    leftG: 0,
    leftH: 0,
    leftC: 0,
  };
}

/**
 * Scans every used feature's value bins left to right twice: missing rows sent right, then sent left;
 * the better direction becomes the split's default. When the leaf has no missing rows the default
 * goes to the child with more rows (unseen NaN at prediction follows the majority); features with
 * no NaN in the training data skip the second scan.
 * gain = GL²/(HL+λ) + GR²/(HR+λ) − G²/(H+λ); ties keep the lowest feature, bin, then "missing right".
 * Child row counts for minDataInLeaf are estimated as H_child · count / H like LightGBM (histograms
 * hold no counts); they are exact while all hessians in the leaf are equal, e.g. in the first round.
 */
export function findBestSplit(
  hist: Float64Array,
  base: number,
  feats: Int32Array,
  nf: number,
  offsets: Int32Array,
  numBins: Int32Array,
  half: number,
  hasMissing: Uint8Array,
  sumG: number,
  sumH: number,
  count: number,
  p: SplitParams,
  out: SplitInfo,
): void {
  const lambda = p.lambdaL2;
  const minC = p.minDataInLeaf;
  const minH = p.minSumHessianInLeaf;
  const parentScore = (sumG * sumG) / (sumH + lambda);
  const cntFactor = sumH > 0 ? count / sumH : 0;
  out.gain = Number.NEGATIVE_INFINITY;
  out.feature = -1;
  for (let q = 0; q < nf; q++) {
    const j = feats[q];
    const nb = numBins[j];
    const o = base + offsets[j];
    const oh = o + half;
    const mg = hist[o + nb - 1];
    const mh = hist[oh + nb - 1];
    const mc = mh * cntFactor;
    for (let dir = 0; dir < 2; dir++) {
      if (dir === 1 && hasMissing[j] === 0) break;
      let gl = dir === 1 ? mg : 0;
      let hl = dir === 1 ? mh : 0;
      let cl = dir === 1 ? mc : 0;
      // The last value bin cannot be a threshold: everything would go left.
      for (let b = 0; b < nb - 2; b++) {
        const bh = hist[oh + b];
        gl += hist[o + b];
        hl += bh;
        cl += bh * cntFactor;
        if (cl < minC || hl < minH) continue;
        const cr = count - cl;
        if (cr < minC) break;
        const hr = sumH - hl;
        if (hr < minH) break;
        const gr = sumG - gl;
        const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parentScore;
        if (gain > out.gain) {
          out.gain = gain;
          out.feature = j;
          out.bin = b;
          out.defaultLeft = dir === 1 || (hasMissing[j] === 0 && cl >= cr);
          out.leftG = gl;
          out.leftH = hl;
          out.leftC = cl;
        }
      }
    }
  }
  if (out.feature >= 0 && !(out.gain > p.minGainToSplit)) {
    out.feature = -1;
    out.gain = Number.NEGATIVE_INFINITY;
  }
}
