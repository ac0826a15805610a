import type { BinnedMatrix } from '../binning/bin-matrix.ts';
import { HIST_STRIDE } from '../histogram/histogram.ts';
import type { Params } from '../params.ts';
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
  /** Last value bin (1-based) that goes left; the threshold is the feature's cuts[bin − 1]. */
  bin: number;
  defaultLeft: boolean;
  left: NodeStats;
  right: NodeStats;
  /** Child weights before the learning rate, within the node's bounds. */
  leftWeight: number;
  rightWeight: number;
}

// Gains below this are rounding noise, not structure.
const MIN_GAIN = 1e-10;

/**
 * Scans every candidate threshold of every given feature in a node's histogram, trying missing
 * values on both sides, and returns the best split by gain (or null when none passes
 * minChildWeight, minDataInLeaf, minSplitGain and the monotone constraints). Ties keep the
 * first candidate (lowest feature, lowest bin, missing right first), which keeps training
 * deterministic.
 */
export function findBestSplit(
  binned: BinnedMatrix,
  hist: Float64Array,
  features: Int32Array,
  node: NodeStats,
  lower: number,
  upper: number,
  monotone: Int8Array,
  params: Params,
): SplitInfo | null {
  const { l1, l2, minChildWeight, minDataInLeaf, minSplitGain } = params;
  const parentWeight = leafWeight(node.grad, node.hess, l1, l2, lower, upper);
  const parentScore = scoreGivenWeight(node.grad, node.hess, l1, l2, parentWeight);
  const threshold = Math.max(minSplitGain, MIN_GAIN);
  let best: SplitInfo | null = null;

  // Evaluates one candidate; returns true when it became the best.
  const consider = (
    feature: number,
    bin: number,
    defaultLeft: boolean,
    gl: number,
    hl: number,
    cl: number,
  ): void => {
    const gr = node.grad - gl;
    const hr = node.hess - hl;
    const cr = node.count - cl;
    if (hl < minChildWeight || hr < minChildWeight || cl < minDataInLeaf || cr < minDataInLeaf) {
      return;
    }
    if (cl === 0 || cr === 0) return;
    const wl = leafWeight(gl, hl, l1, l2, lower, upper);
    const wr = leafWeight(gr, hr, l1, l2, lower, upper);
    const direction = monotone[feature] ?? 0;
    if ((direction > 0 && wl > wr) || (direction < 0 && wl < wr)) return;
    const gain =
      scoreGivenWeight(gl, hl, l1, l2, wl) + scoreGivenWeight(gr, hr, l1, l2, wr) - parentScore;
    if (!(gain > threshold) || (best !== null && !(gain > best.gain))) return;
    best = {
      gain,
      feature,
      bin,
      defaultLeft,
      left: { grad: gl, hess: hl, count: cl },
      right: { grad: gr, hess: hr, count: cr },
      leftWeight: wl,
      rightWeight: wr,
    };
  };

  for (let k = 0; k < features.length; k++) {
    const f = features[k] as number;
    const base = HIST_STRIDE * (binned.binOffsets[f] as number);
    const valueBins = (binned.binOffsets[f + 1] as number) - (binned.binOffsets[f] as number) - 1;
    const mg = hist[base] as number;
    const mh = hist[base + 1] as number;
    const mc = hist[base + 2] as number;
    const hasMissing = mc > 0;
    let cg = 0;
    let ch = 0;
    let cc = 0;
    for (let t = 1; t <= valueBins; t++) {
      const at = base + HIST_STRIDE * t;
      cg += hist[at] as number;
      ch += hist[at + 1] as number;
      cc += hist[at + 2] as number;
      if (hasMissing) {
        // Missing right (t = valueBins splits "any value" from "missing").
        consider(f, t, false, cg, ch, cc);
        if (t < valueBins) consider(f, t, true, cg + mg, ch + mh, cc + mc);
      } else if (t < valueBins) {
        // No missing rows here: send future missing values to the heavier child.
        consider(f, t, ch >= node.hess - ch, cg, ch, cc);
      }
    }
  }
  return best;
}
