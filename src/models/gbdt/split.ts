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
 * LightGBM's split search (FindBestThresholdSequentially): each used feature's value bins are scanned
 * from the right, the missing rows (if any) going left with the rest; features that had NaN in
 * training are also scanned from the left with the missing rows going right (which may then be the
 * only rows on the right), and that direction must be strictly better to win. A feature without NaN
 * sends unseen NaN at prediction to the child with more rows.
 * gain = GL²/(HL+λ) + GR²/(HR+λ) − G²/(H+λ); ties keep the lowest feature, then the right-to-left scan,
 * then the highest threshold. Child row counts for minDataInLeaf are estimated like LightGBM's, as the
 * sum over bins of round(H_bin · count / H) on the scanned side and count minus that on the other
 * (histograms hold no counts); they are exact while all hessians in the leaf are equal.
 */
export function findBestSplit(
  hist: Float64Array,
  base: number,
  feats: Int32Array,
  nf: number,
  offsets: Int32Array,
  numBins: Int32Array,
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
    const last = numBins[j] - 2; // last value bin; numBins[j] - 1 is the missing bin
    const o = base + 2 * offsets[j];
    const missing = hasMissing[j] === 1;
    // Right to left: the right child takes value bins t..last, the threshold is t - 1.
    let gr = 0;
    let hr = 0;
    let cr = 0;
    for (let t = last; t >= 1; t--) {
      const bh = hist[o + 2 * t + 1];
      gr += hist[o + 2 * t];
      hr += bh;
      cr += Math.floor(bh * cntFactor + 0.5);
      if (cr < minC || hr < minH) continue;
      const cl = count - cr;
      if (cl < minC) break;
      const hl = sumH - hr;
      if (hl < minH) break;
      const gl = sumG - gr;
      const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parentScore;
      if (gain > out.gain) {
        out.gain = gain;
        out.feature = j;
        out.bin = t - 1;
        out.defaultLeft = missing || cl >= cr;
        out.leftG = gl;
        out.leftH = hl;
        out.leftC = cl;
      }
    }
    if (!missing) continue;
    // Left to right with the missing rows on the right: the threshold may be the last value bin.
    let gl = 0;
    let hl = 0;
    let cl = 0;
    for (let t = 0; t <= last; t++) {
      const bh = hist[o + 2 * t + 1];
      gl += hist[o + 2 * t];
      hl += bh;
      cl += Math.floor(bh * cntFactor + 0.5);
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
        out.bin = t;
        out.defaultLeft = false;
        out.leftG = gl;
        out.leftH = hl;
        out.leftC = cl;
      }
    }
  }
  if (out.feature >= 0 && !(out.gain > p.minGainToSplit)) {
    out.feature = -1;
    out.gain = Number.NEGATIVE_INFINITY;
  }
}
