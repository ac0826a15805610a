/**
 * XGBoost's regularised leaf arithmetic. With G, H the sums of gradients and hessians of a node,
 * α = l1 and λ = l2, the best weight is w* = −T(G)/(H + λ), T the soft-threshold by α, clamped to
 * the node's monotone bounds; a weight w scores −(2Gw + (H + λ)w² + 2α|w|), which at w* equals
 * T(G)²/(H + λ). Split gain = score(left) + score(right) − score(parent).
 */

/** Soft-thresholding of a gradient sum by α. */
export function thresholdL1(g: number, l1: number): number {
  if (g > l1) return g - l1;
  if (g < -l1) return g + l1;
  return 0;
}

/** The optimal leaf weight within [lower, upper] (before the learning rate). */
export function leafWeight(
  g: number,
  h: number,
  l1: number,
  l2: number,
  lower: number,
  upper: number,
): number {
  const denominator = h + l2;
  const w = denominator > 0 ? -thresholdL1(g, l1) / denominator : 0;
  return Math.min(Math.max(w, lower), upper);
}

/** The score of a node given its weight (twice the loss reduction against weight 0). */
export function scoreGivenWeight(g: number, h: number, l1: number, l2: number, w: number): number {
  return -(2 * g * w + (h + l2) * w * w + 2 * l1 * Math.abs(w));
}
