import { thresholdOfBin } from '../binning/bin-cuts.ts';
import type { BinnedMatrix } from '../binning/bin-matrix.ts';
import {
  accumulateHistogram,
  createHistogram,
  gatherGradPairs,
  HIST_STRIDE,
  subtractHistogram,
} from '../histogram/histogram.ts';
import type { HistogramWorkers } from '../parallel/histogram-workers.ts';
import type { Params } from '../params.ts';
import { findBestSplit, type NodeStats, type SplitInfo } from '../split/find-split.ts';
import { leafWeight } from '../split/leaf-math.ts';
import type { KernelMemory } from '../wasm/histogram-kernel.ts';
import type { Tree } from './tree.ts';

/** Inputs of one tree that change per round. */
export interface GrowInput {
  readonly grad: Float64Array;
  readonly hess: Float64Array;
  /** Rows used by this tree (after row subsampling); reordered in place by the partition. */
  readonly rows: Int32Array;
  /** Features this tree may split on (after column subsampling), ascending. */
  readonly features: Int32Array;
}

/**
 * A grown tree; per internal node, the last bin that goes left (for binned prediction); and per
 * leaf l, where its rows lie in the grow input's `rows` once grown: rows[leafStart[l] … leafEnd[l]).
 */
export interface GrownTree {
  readonly tree: Tree;
  readonly splitBin: Int32Array;
  readonly leafStart: Int32Array;
  readonly leafEnd: Int32Array;
}

/** Per-leaf state while the tree grows. */
interface OpenLeaf {
  start: number;
  end: number;
  stats: NodeStats;
  depth: number;
  lower: number;
  upper: number;
  hist: Float64Array | null;
  split: SplitInfo | null;
  /** Internal node that points at this leaf (−1 for the root) and on which side. */
  parent: number;
  isLeft: boolean;
}

/**
 * Grows one tree leaf-wise: repeatedly splits the open leaf with the largest gain until maxLeaves
 * is reached or no leaf has a valid split. Histograms are built for the smaller child only; the
 * larger child's is the parent's minus it, written into the parent's buffer. Monotone constraints
 * hold exactly: after a split on a constrained feature, the children's weights are bounded on
 * either side of the midpoint of the two child weights, and the bounds pass down the subtree.
 */
export class TreeGrower {
  private readonly scratch: Int32Array;
  /** Gathered gradient pairs of the node whose histogram is being built. */
  private readonly gradPairs: Float64Array;
  private readonly pool: Float64Array[] = [];
  /** Per bin, 1 when the split being applied sends it left. */
  private readonly goLeft = new Uint8Array(256);

  /**
   * With `workers`, histograms are built on several threads (identical results); the rows given
   * to `grow` must then be `workers.rows`, from index 0.
   */
  constructor(
    private readonly binned: BinnedMatrix,
    private readonly params: Params,
    private readonly monotone: Int8Array,
    private readonly workers: HistogramWorkers | null = null,
    /** The histogram kernel's memory, when `binned` has a kernel (histograms must live there). */
    private readonly kernelMemory: KernelMemory | null = null,
  ) {
    this.scratch = new Int32Array(binned.numRows);
    this.gradPairs =
      workers?.gradPairs ??
      kernelMemory?.float64(2 * binned.numRows) ??
      new Float64Array(2 * binned.numRows);
  }

  grow(input: GrowInput): GrownTree {
    const { params, binned } = this;
    const { grad, hess, rows, features } = input;
    if (this.workers !== null) {
      if (
        rows.buffer !== this.workers.rows.buffer ||
        rows.byteOffset !== this.workers.rows.byteOffset
      ) {
        throw new Error('TreeGrower: with workers, rows must be workers.rows from index 0');
      }
      this.workers.setFeatures(features);
    }
    const maxLeaves = params.maxLeaves;
    const splitFeature = new Int32Array(maxLeaves - 1);
    const threshold = new Float64Array(maxLeaves - 1);
    const defaultLeft = new Uint8Array(maxLeaves - 1);
    const leftChild = new Int32Array(maxLeaves - 1);
    const rightChild = new Int32Array(maxLeaves - 1);
    const splitGain = new Float64Array(maxLeaves - 1);
    const nodeCover = new Float64Array(maxLeaves - 1);
    const splitBin = new Int32Array(maxLeaves - 1);

    const rootStats: NodeStats = { grad: 0, hess: 0, count: rows.length };
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as number;
      rootStats.grad += grad[r] as number;
      rootStats.hess += hess[r] as number;
    }
    const root: OpenLeaf = {
      start: 0,
      end: rows.length,
      stats: rootStats,
      depth: 0,
      lower: Number.NEGATIVE_INFINITY,
      upper: Number.POSITIVE_INFINITY,
      hist: null,
      split: null,
      parent: -1,
      isLeft: true,
    };
    const leaves: OpenLeaf[] = [root];
    if (this.canSplit(root, 1)) {
      root.hist = this.takeHistogram();
      this.buildHistogram(features, rows, 0, rows.length, grad, hess, root.hist, null);
      root.split = this.findSplit(root, features);
    }

    let numNodes = 0;
    while (leaves.length < maxLeaves) {
      // The open leaf with the best gain; ties go to the lowest leaf index.
      let bestLeaf = -1;
      let bestGain = 0;
      for (let l = 0; l < leaves.length; l++) {
        const split = (leaves[l] as OpenLeaf).split;
        if (split !== null && (bestLeaf < 0 || split.gain > bestGain)) {
          bestLeaf = l;
          bestGain = split.gain;
        }
      }
      if (bestLeaf < 0) break;
      const leaf = leaves[bestLeaf] as OpenLeaf;
      const split = leaf.split as SplitInfo;
      const cuts = binned.mapper.cuts[split.feature] as Float64Array;

      // The leaf becomes internal node `node`; its left child keeps the leaf index.
      const node = numNodes++;
      splitFeature[node] = split.feature;
      threshold[node] = thresholdOfBin(cuts, split.bin);
      splitBin[node] = split.bin;
      defaultLeft[node] = split.defaultLeft ? 1 : 0;
      splitGain[node] = split.gain;
      nodeCover[node] = leaf.stats.hess;
      if (leaf.parent >= 0) {
        if (leaf.isLeft) leftChild[leaf.parent] = node;
        else rightChild[leaf.parent] = node;
      }
      const rightIndex = leaves.length;
      leftChild[node] = ~bestLeaf;
      rightChild[node] = ~rightIndex;

      const mid = this.partition(leaf, split, rows);
      const direction = this.monotone[split.feature] ?? 0;
      const bound = (split.leftWeight + split.rightWeight) / 2;
      const left: OpenLeaf = {
        start: leaf.start,
        end: mid,
        stats: split.left,
        depth: leaf.depth + 1,
        lower: direction < 0 ? bound : leaf.lower,
        upper: direction > 0 ? bound : leaf.upper,
        hist: null,
        split: null,
        parent: node,
        isLeft: true,
      };
      const right: OpenLeaf = {
        start: mid,
        end: leaf.end,
        stats: split.right,
        depth: leaf.depth + 1,
        lower: direction > 0 ? bound : leaf.lower,
        upper: direction < 0 ? bound : leaf.upper,
        hist: null,
        split: null,
        parent: node,
        isLeft: false,
      };
      leaves[bestLeaf] = left;
      leaves.push(right);

      const parentHist = leaf.hist as Float64Array;
      const room = maxLeaves - leaves.length;
      if (this.canSplit(left, room) || this.canSplit(right, room)) {
        const [small, large] =
          left.end - left.start <= right.end - right.start ? [left, right] : [right, left];
        small.hist = this.takeHistogram();
        this.buildHistogram(
          features,
          rows,
          small.start,
          small.end,
          grad,
          hess,
          small.hist,
          parentHist,
        );
        large.hist = parentHist;
        for (const child of [left, right]) {
          if (this.canSplit(child, room)) child.split = this.findSplit(child, features);
          if (child.split === null) this.release(child);
        }
      } else {
        this.pool.push(parentHist);
      }
    }

    const leafValue = new Float64Array(leaves.length);
    const leafCover = new Float64Array(leaves.length);
    const leafStart = new Int32Array(leaves.length);
    const leafEnd = new Int32Array(leaves.length);
    for (let l = 0; l < leaves.length; l++) {
      const leaf = leaves[l] as OpenLeaf;
      this.release(leaf);
      leafStart[l] = leaf.start;
      leafEnd[l] = leaf.end;
      const { grad: g, hess: h } = leaf.stats;
      leafValue[l] =
        leafWeight(g, h, params.l1, params.l2, leaf.lower, leaf.upper) * params.learningRate;
      leafCover[l] = h;
    }
    const tree: Tree = {
      numNodes,
      numLeaves: leaves.length,
      splitFeature: splitFeature.slice(0, numNodes),
      threshold: threshold.slice(0, numNodes),
      defaultLeft: defaultLeft.slice(0, numNodes),
      leftChild: leftChild.slice(0, numNodes),
      rightChild: rightChild.slice(0, numNodes),
      splitGain: splitGain.slice(0, numNodes),
      nodeCover: nodeCover.slice(0, numNodes),
      leafValue,
      leafCover,
    };
    return { tree, splitBin: splitBin.slice(0, numNodes), leafStart, leafEnd };
  }

  /**
   * Builds the histogram of rows[start … end) into `hist` and, when `parent` is given, turns
   * `parent` into the sibling's histogram (parent − hist), on the workers when there are any.
   */
  private buildHistogram(
    features: Int32Array,
    rows: Int32Array,
    start: number,
    end: number,
    grad: Float64Array,
    hess: Float64Array,
    hist: Float64Array,
    parent: Float64Array | null,
  ): void {
    const { binned, gradPairs, workers } = this;
    gatherGradPairs(rows, start, end, grad, hess, gradPairs);
    if (workers !== null) {
      workers.build(start, end, hist, parent);
      return;
    }
    accumulateHistogram(binned, features, 0, features.length, rows, start, end, gradPairs, hist);
    if (parent !== null) subtractHistogram(binned, features, parent, hist, parent);
  }

  /** Whether a leaf may still be split (depth limit, room for leaves, enough rows). */
  private canSplit(leaf: OpenLeaf, room: number): boolean {
    const { maxDepth, minDataInLeaf } = this.params;
    if (room < 1) return false;
    if (maxDepth > 0 && leaf.depth >= maxDepth) return false;
    return leaf.end - leaf.start >= Math.max(2, 2 * minDataInLeaf);
  }

  private findSplit(leaf: OpenLeaf, features: Int32Array): SplitInfo | null {
    const hist = leaf.hist as Float64Array;
    if (this.workers !== null) {
      return this.workers.findSplit(hist, leaf.stats, leaf.lower, leaf.upper);
    }
    return findBestSplit(
      this.binned,
      leaf.hist as Float64Array,
      features,
      leaf.stats,
      leaf.lower,
      leaf.upper,
      this.monotone,
      this.params,
    );
  }

  /** Stable in-place partition of a leaf's rows; returns where the right child starts. */
  private partition(leaf: OpenLeaf, split: SplitInfo, rows: Int32Array): number {
    const { bins, numRows } = this.binned;
    const column = split.feature * numRows;
    // Which bins go left (the missing bin 0 by the default direction), as 0/1, so the loop has
    // no branch to mispredict: every row is written to both sides and only one index moves.
    const goLeft = this.goLeft;
    goLeft[0] = split.defaultLeft ? 1 : 0;
    for (let b = 1; b < 256; b++) goLeft[b] = b <= split.bin ? 1 : 0;
    const scratch = this.scratch;
    let l = leaf.start;
    let r = 0;
    for (let i = leaf.start; i < leaf.end; i++) {
      const row = rows[i] as number;
      const left = goLeft[bins[column + row] as number] as number;
      rows[l] = row;
      scratch[r] = row;
      l += left;
      r += 1 - left;
    }
    rows.set(scratch.subarray(0, r), l);
    return l;
  }

  private takeHistogram(): Float64Array {
    const reused = this.pool.pop();
    if (reused !== undefined) return reused;
    const length = HIST_STRIDE * this.binned.totalBins;
    return (
      this.workers?.createHistogram(length) ??
      this.kernelMemory?.float64(length) ??
      createHistogram(this.binned)
    );
  }

  private release(leaf: OpenLeaf): void {
    if (leaf.hist !== null) {
      this.pool.push(leaf.hist);
      leaf.hist = null;
    }
  }
}
