import type { BinnedMatrix } from '../binning/bin-matrix.ts';
import { HIST_STRIDE } from '../histogram/histogram.ts';
import type { Params } from '../params.ts';
import type { HistogramKernel, ScanBest } from '../wasm/histogram-kernel.ts';
import { leafWeight, scoreGivenWeight } from './leaf-math.ts';

/** Sums over the rows of a node. */
export interface NodeStats {
  grad: number;
  hess: number;
  count: number;
}

/** The best split of a node. Rows with bin in 1..bin go left; missing rows follow defaultLeft. */
export interface SplitInfo {
  gain: number;
  feature: number;
  /** Last value bin (1-based) that goes left, 0 when only missing values go left. */
  bin: number;
  defaultLeft: boolean;
  left: NodeStats;
  right: NodeStats;
  /** Child weights before the learning rate, within the node's bounds. */
  leftWeight: number;
  rightWeight: number;
}

/** Soft-thresholding by α (a local copy of thresholdL1 for the hot loop). */
function softThreshold(g: number, l1: number): number {
  return g > l1 ? g - l1 : g < -l1 ? g + l1 : 0;
}

// Gains below this are rounding noise, not structure (XGBoost's kRtEps).
const MIN_GAIN = 1e-6;

/**
 * The gain of sending (gl, hl, cl) left and the rest of the node right, or −∞ when the candidate
 * fails minChildWeight, minDataInLeaf or the monotone direction. A plain function of numbers
 * (no closure, no allocation) so the optimiser inlines it into the bin loops.
 */
function candidateGain(
  gl: number,
  hl: number,
  cl: number,
  node: NodeStats,
  plain: boolean,
  direction: number,
  lower: number,
  upper: number,
  parentScore: number,
  params: SplitParams,
): number {
  const { l1, l2, minChildWeight, minDataInLeaf } = params;
  const gr = node.grad - gl;
  const hr = node.hess - hl;
  const cr = node.count - cl;
  if (hl < minChildWeight || hr < minChildWeight || cl < minDataInLeaf || cr < minDataInLeaf) {
    return Number.NEGATIVE_INFINITY;
  }
  if (cl === 0 || cr === 0) return Number.NEGATIVE_INFINITY;
  let gain: number;
  if (plain) {
    const tl = softThreshold(gl, l1);
    const tr = softThreshold(gr, l1);
    gain = (tl * tl) / (hl + l2) + (tr * tr) / (hr + l2) - parentScore;
  } else {
    const wl = leafWeight(gl, hl, l1, l2, lower, upper);
    const wr = leafWeight(gr, hr, l1, l2, lower, upper);
    if ((direction > 0 && wl > wr) || (direction < 0 && wl < wr)) return Number.NEGATIVE_INFINITY;
    gain =
      scoreGivenWeight(gl, hl, l1, l2, wl) + scoreGivenWeight(gr, hr, l1, l2, wr) - parentScore;
  }
  return gain;
}

/**
 * Whether a candidate's gain beats the best so far. XGBoost compares gains in float32
 * (bst_float), so candidates within float32 rounding of each other tie and the first in scan
 * order wins; comparing in float64 would let rounding noise pick another, equally good threshold
 * or missing direction (which changes routing of unseen values and SHAP values, not the fit).
 */
function beats(gain: number, bestGain: number): boolean {
  return Math.fround(gain) > Math.fround(bestGain);
}

/** The parameters split finding reads (a worker thread receives just these). */
export type SplitParams = Pick<
  Params,
  'l1' | 'l2' | 'minChildWeight' | 'minDataInLeaf' | 'minSplitGain'
>;

/**
 * Numbers per best-candidate record written by `scanSplits`: found (0/1), gain, feature, bin,
 * defaultLeft (0/1), and the left child's gradient, hessian and row sums.
 */
export const BEST_SLOTS = 8;

const scratchBest = new Float64Array(BEST_SLOTS);

/** The WebAssembly scan's best candidate, handed in and out (one per thread). */
const kernelBest: ScanBest = {
  feature: -1,
  gain: 0,
  bin: 0,
  defaultLeft: false,
  gl: 0,
  hl: 0,
  cl: 0,
};

/**
 * Scans every candidate threshold of every given feature in a node's histogram, trying missing
 * values on both sides, and returns the best split by gain (or null when none passes
 * minChildWeight, minDataInLeaf, minSplitGain and the monotone constraints). Ties keep the
 * first candidate in scan order (lowest feature first), which keeps training deterministic.
 */
export function findBestSplit(
  binned: BinnedMatrix,
  hist: Float64Array,
  features: Int32Array,
  node: NodeStats,
  lower: number,
  upper: number,
  monotone: Int8Array,
  params: SplitParams,
): SplitInfo | null {
  const best = scratchBest;
  scanSplits(
    binned.binOffsets,
    hist,
    features,
    0,
    features.length,
    node,
    lower,
    upper,
    monotone,
    params,
    best,
    0,
    binned.kernel ?? null,
  );
  return splitOfRecord(best, 0, node, lower, upper, params);
}

/**
 * Index of the best of `count` records written by `scanSplits` over consecutive feature ranges,
 * or −1 when none found a split. Ties go to the earliest record, so the result equals one scan
 * over all the features.
 */
export function bestRecord(records: Float64Array, count: number): number {
  let best = -1;
  for (let i = 0; i < count; i++) {
    const at = i * BEST_SLOTS;
    if (records[at] !== 1) continue;
    if (best < 0 || beats(records[at + 1] as number, records[best * BEST_SLOTS + 1] as number)) {
      best = i;
    }
  }
  return best;
}

/** The split described by record `index` (null for −1 or a record that found none). */
export function splitOfRecord(
  records: Float64Array,
  index: number,
  node: NodeStats,
  lower: number,
  upper: number,
  params: SplitParams,
): SplitInfo | null {
  const at = index * BEST_SLOTS;
  if (index < 0 || records[at] !== 1) return null;
  const { l1, l2 } = params;
  const gl = records[at + 5] as number;
  const hl = records[at + 6] as number;
  const cl = records[at + 7] as number;
  return {
    gain: records[at + 1] as number,
    feature: records[at + 2] as number,
    bin: records[at + 3] as number,
    defaultLeft: records[at + 4] === 1,
    left: { grad: gl, hess: hl, count: cl },
    right: { grad: node.grad - gl, hess: node.hess - hl, count: node.count - cl },
    leftWeight: leafWeight(gl, hl, l1, l2, lower, upper),
    rightWeight: leafWeight(node.grad - gl, node.hess - hl, l1, l2, lower, upper),
  };
}

/**
 * The scan of `findBestSplit` over features `features[kFrom … kTo)`, writing the best candidate
 * into `out[at … at + BEST_SLOTS)` (found = 0 when none passes). Threads may scan disjoint
 * feature ranges of one node; `bestRecord` then picks the same split as one full scan.
 */
export function scanSplits(
  binOffsets: Int32Array,
  hist: Float64Array,
  features: Int32Array,
  kFrom: number,
  kTo: number,
  node: NodeStats,
  lower: number,
  upper: number,
  monotone: Int8Array,
  params: SplitParams,
  out: Float64Array,
  at: number,
  kernel: HistogramKernel | null = null,
): void {
  const { l1, l2, minSplitGain } = params;
  // A local copy: V8 reloads an imported constant from its module on every use in the loops.
  const stride = HIST_STRIDE;
  const parentWeight = leafWeight(node.grad, node.hess, l1, l2, lower, upper);
  const parentScore = scoreGivenWeight(node.grad, node.hess, l1, l2, parentWeight);
  const threshold = Math.max(minSplitGain, MIN_GAIN);
  // The best candidate so far as plain numbers (an object per improvement would churn the GC).
  let bestFeature = -1;
  let bestGain = 0;
  let bestBin = 0;
  let bestDefaultLeft = false;
  let bestGl = 0;
  let bestHl = 0;
  let bestCl = 0;

  // Unconstrained nodes and features use the closed form T(G)²/(H + λ); a weight-clamped score
  // is only needed under monotone bounds. The choice is made per feature, outside the bin loop.
  const unbounded = lower === Number.NEGATIVE_INFINITY && upper === Number.POSITIVE_INFINITY;

  for (let k = kFrom; k < kTo; k++) {
    const f = features[k] as number;
    const direction = monotone[f] ?? 0;
    const plain = unbounded && direction === 0;
    const base = stride * (binOffsets[f] as number);
    const valueBins = (binOffsets[f + 1] as number) - (binOffsets[f] as number) - 1;
    const hasMissing = (hist[base + 2] as number) > 0;
    // Scan order and tie-breaking follow XGBoost's hist updater, so that equal-gain candidates
    // resolve the same way: first forward with missing values right (lowest threshold wins
    // ties; t = valueBins separates "any value" from "missing"), then, when the node has
    // missing values, backward with missing values left (highest threshold wins ties; t = 0
    // sends only the missing values left). A node without missing values sends them right.
    if (plain && kernel !== null) {
      // The same scan in WebAssembly (the histogram lives in the kernel's memory).
      const b = kernelBest;
      b.feature = bestFeature;
      b.gain = bestGain;
      const { minChildWeight, minDataInLeaf } = params;
      const from = binOffsets[f] as number;
      if (
        kernel.scanFeature(
          hist,
          f,
          from,
          valueBins,
          hasMissing,
          node.grad,
          node.hess,
          node.count,
          l1,
          l2,
          minChildWeight,
          minDataInLeaf,
          parentScore,
          threshold,
          b,
        )
      ) {
        bestFeature = f;
        bestGain = b.gain;
        bestBin = b.bin;
        bestDefaultLeft = b.defaultLeft;
        bestGl = b.gl;
        bestHl = b.hl;
        bestCl = b.cl;
      }
      continue;
    }
    let cg = 0;
    let ch = 0;
    let cc = 0;
    const lastForward = hasMissing ? valueBins : valueBins - 1;
    if (plain) {
      // The same scan with candidateGain's plain arithmetic written out (the common case: no
      // monotone bounds), so the loop has no call; every gain is computed exactly as there.
      const { minChildWeight, minDataInLeaf } = params;
      const nodeGrad = node.grad;
      const nodeHess = node.hess;
      const nodeCount = node.count;
      for (let t = 1; t <= lastForward; t++) {
        const at = base + stride * t;
        if (hist[at + 2] === 0 && hist[at] === 0 && hist[at + 1] === 0) continue;
        cg += hist[at] as number;
        ch += hist[at + 1] as number;
        cc += hist[at + 2] as number;
        const gr = nodeGrad - cg;
        const hr = nodeHess - ch;
        const cr = nodeCount - cc;
        if (ch < minChildWeight || hr < minChildWeight || cc < minDataInLeaf) continue;
        if (cr < minDataInLeaf || cc === 0 || cr === 0) continue;
        const tl = cg > l1 ? cg - l1 : cg < -l1 ? cg + l1 : 0;
        const tr = gr > l1 ? gr - l1 : gr < -l1 ? gr + l1 : 0;
        const gain = (tl * tl) / (ch + l2) + (tr * tr) / (hr + l2) - parentScore;
        if (gain > threshold && (bestFeature < 0 || beats(gain, bestGain))) {
          bestFeature = f;
          bestGain = gain;
          bestBin = t;
          bestDefaultLeft = false;
          bestGl = cg;
          bestHl = ch;
          bestCl = cc;
        }
      }
      if (!hasMissing) continue;
      let rg = 0;
      let rh = 0;
      let rc = 0;
      for (let t = valueBins - 1; t >= 0; t--) {
        const at = base + stride * (t + 1);
        if (hist[at + 2] === 0 && hist[at] === 0 && hist[at + 1] === 0) continue;
        rg += hist[at] as number;
        rh += hist[at + 1] as number;
        rc += hist[at + 2] as number;
        const gl = nodeGrad - rg;
        const hl = nodeHess - rh;
        const cl = nodeCount - rc;
        // As candidateGain(gl, hl, cl): the right side is the node minus the left side.
        const gr = nodeGrad - gl;
        const hr = nodeHess - hl;
        const cr = nodeCount - cl;
        if (hl < minChildWeight || hr < minChildWeight || cl < minDataInLeaf) continue;
        if (cr < minDataInLeaf || cl === 0 || cr === 0) continue;
        const tl = gl > l1 ? gl - l1 : gl < -l1 ? gl + l1 : 0;
        const tr = gr > l1 ? gr - l1 : gr < -l1 ? gr + l1 : 0;
        const gain = (tl * tl) / (hl + l2) + (tr * tr) / (hr + l2) - parentScore;
        if (gain > threshold && (bestFeature < 0 || beats(gain, bestGain))) {
          bestFeature = f;
          bestGain = gain;
          bestBin = t;
          bestDefaultLeft = true;
          bestGl = gl;
          bestHl = hl;
          bestCl = cl;
        }
      }
      continue;
    }
    for (let t = 1; t <= lastForward; t++) {
      const at = base + stride * t;
      // An empty bin (three exact zeros) leaves the sums, hence the gain, as at the previous
      // candidate, which came first in scan order and so wins any tie: skipping it changes
      // nothing. (A bin with no rows may still hold a rounding residue after a subtraction;
      // such a bin is scanned.)
      if (hist[at + 2] === 0 && hist[at] === 0 && hist[at + 1] === 0) continue;
      cg += hist[at] as number;
      ch += hist[at + 1] as number;
      cc += hist[at + 2] as number;
      const gain = candidateGain(
        cg,
        ch,
        cc,
        node,
        plain,
        direction,
        lower,
        upper,
        parentScore,
        params,
      );
      if (gain > threshold && (bestFeature < 0 || beats(gain, bestGain))) {
        bestFeature = f;
        bestGain = gain;
        bestBin = t;
        bestDefaultLeft = false;
        bestGl = cg;
        bestHl = ch;
        bestCl = cc;
      }
    }
    if (!hasMissing) continue;
    let rg = 0;
    let rh = 0;
    let rc = 0;
    for (let t = valueBins - 1; t >= 0; t--) {
      const at = base + stride * (t + 1);
      if (hist[at + 2] === 0 && hist[at] === 0 && hist[at + 1] === 0) continue;
      rg += hist[at] as number;
      rh += hist[at + 1] as number;
      rc += hist[at + 2] as number;
      const gl = node.grad - rg;
      const hl = node.hess - rh;
      const cl = node.count - rc;
      const gain = candidateGain(
        gl,
        hl,
        cl,
        node,
        plain,
        direction,
        lower,
        upper,
        parentScore,
        params,
      );
      if (gain > threshold && (bestFeature < 0 || beats(gain, bestGain))) {
        bestFeature = f;
        bestGain = gain;
        bestBin = t;
        bestDefaultLeft = true;
        bestGl = gl;
        bestHl = hl;
        bestCl = cl;
      }
    }
  }
  out[at] = bestFeature < 0 ? 0 : 1;
  out[at + 1] = bestGain;
  out[at + 2] = bestFeature;
  out[at + 3] = bestBin;
  out[at + 4] = bestDefaultLeft ? 1 : 0;
  out[at + 5] = bestGl;
  out[at + 6] = bestHl;
  out[at + 7] = bestCl;
}
