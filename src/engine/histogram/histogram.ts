import type { BinnedMatrix } from '../binning/bin-matrix.ts';

/**
 * Gradient histograms: one flat Float64Array per tree node, three numbers per bin interleaved
 * (sum of gradients, sum of hessians, row count), feature f's bins starting at
 * `3 * binOffsets[f]`. Only the features sampled for the tree are filled.
 */
export const HIST_STRIDE = 3;

/** A zeroed histogram large enough for every feature of the matrix. */
export function createHistogram(binned: BinnedMatrix): Float64Array {
  return new Float64Array(HIST_STRIDE * binned.totalBins);
}

/** Builds the histogram of rows `rows[start … end)` over the given features, from scratch. */
export function buildHistogram(
  binned: BinnedMatrix,
  features: Int32Array,
  rows: Int32Array,
  start: number,
  end: number,
  grad: Float64Array,
  hess: Float64Array,
  hist: Float64Array,
): void {
  const { bins, numRows, binOffsets } = binned;
  for (let k = 0; k < features.length; k++) {
    const f = features[k] as number;
    const from = HIST_STRIDE * (binOffsets[f] as number);
    hist.fill(0, from, HIST_STRIDE * (binOffsets[f + 1] as number));
    const column = f * numRows;
    for (let i = start; i < end; i++) {
      const r = rows[i] as number;
      const at = from + HIST_STRIDE * (bins[column + r] as number);
      hist[at] = (hist[at] as number) + (grad[r] as number);
      hist[at + 1] = (hist[at + 1] as number) + (hess[r] as number);
      hist[at + 2] = (hist[at + 2] as number) + 1;
    }
  }
}

/**
 * The sibling's histogram as parent − child over the given features, written into `out`
 * (which may be `parent` itself, so the parent's buffer is reused for the larger child).
 */
export function subtractHistogram(
  binned: BinnedMatrix,
  features: Int32Array,
  parent: Float64Array,
  child: Float64Array,
  out: Float64Array,
): void {
  const { binOffsets } = binned;
  for (let k = 0; k < features.length; k++) {
    const f = features[k] as number;
    const end = HIST_STRIDE * (binOffsets[f + 1] as number);
    for (let i = HIST_STRIDE * (binOffsets[f] as number); i < end; i++) {
      out[i] = (parent[i] as number) - (child[i] as number);
    }
  }
}
