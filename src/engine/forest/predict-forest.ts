import type { DenseMatrix } from '../matrix.ts';
import { strides } from '../matrix.ts';
import {
  type CompiledForest,
  type HeapLayout,
  loadRows,
  type WalkLayout,
} from './compiled-forest.ts';

/** Rows per block: a block's row-major copy stays in cache while every tree runs over it. */
export const BLOCK_ROWS = 128;

/**
 * Adds, for every row of the block in `rows` (row-major toBinnable values), every tree's leaf
 * value into out[outOffset + r], tree after tree (the same order of additions as one row alone).
 * Four rows walk each tree in lockstep on the walk layout (see `WalkLayout`), without a branch
 * per row and step: every row first takes the tree's shortest path length in steps (rows on a
 * leaf stay there), then all four step on until each is on a leaf.
 */
function addBlock(
  walk: WalkLayout,
  numTrees: number,
  rows: Float32Array,
  numCols: number,
  count: number,
  out: Float64Array,
  outOffset: number,
): void {
  const { kids, feature, threshold, missingRight, value, root, firstLeaf, minDepth, heap } = walk;
  for (let t = 0; t < numTrees; t++) {
    if ((heap.depth[t] as number) >= 0) {
      addHeapTree(heap, t, rows, numCols, count, out, outOffset);
      continue;
    }
    const start = root[t] as number;
    const leaves = firstLeaf[t] as number;
    const steps = minDepth[t] as number;
    let r = 0;
    for (; r + 4 <= count; r += 4) {
      const b0 = r * numCols;
      const b1 = b0 + numCols;
      const b2 = b1 + numCols;
      const b3 = b2 + numCols;
      let n0 = start;
      let n1 = start;
      let n2 = start;
      let n3 = start;
      for (let s = 0; ; ) {
        if (s >= steps && Math.min(Math.min(n0, n1), Math.min(n2, n3)) >= leaves) break;
        s++;
        const x0 = rows[b0 + (feature[n0] as number)] as number;
        const x1 = rows[b1 + (feature[n1] as number)] as number;
        const x2 = rows[b2 + (feature[n2] as number)] as number;
        const x3 = rows[b3 + (feature[n3] as number)] as number;
        n0 = kids[
          2 * n0 +
            (Number(x0 >= (threshold[n0] as number)) |
              (Number(Number.isNaN(x0)) & (missingRight[n0] as number)))
        ] as number;
        n1 = kids[
          2 * n1 +
            (Number(x1 >= (threshold[n1] as number)) |
              (Number(Number.isNaN(x1)) & (missingRight[n1] as number)))
        ] as number;
        n2 = kids[
          2 * n2 +
            (Number(x2 >= (threshold[n2] as number)) |
              (Number(Number.isNaN(x2)) & (missingRight[n2] as number)))
        ] as number;
        n3 = kids[
          2 * n3 +
            (Number(x3 >= (threshold[n3] as number)) |
              (Number(Number.isNaN(x3)) & (missingRight[n3] as number)))
        ] as number;
      }
      const o = outOffset + r;
      out[o] = (out[o] as number) + (value[n0] as number);
      out[o + 1] = (out[o + 1] as number) + (value[n1] as number);
      out[o + 2] = (out[o + 2] as number) + (value[n2] as number);
      out[o + 3] = (out[o + 3] as number) + (value[n3] as number);
    }
    for (; r < count; r++) {
      const b = r * numCols;
      let n = start;
      while (n < leaves) {
        const x = rows[b + (feature[n] as number)] as number;
        n = kids[
          2 * n +
            (Number(x >= (threshold[n] as number)) |
              (Number(Number.isNaN(x)) & (missingRight[n] as number)))
        ] as number;
      }
      out[outOffset + r] = (out[outOffset + r] as number) + (value[n] as number);
    }
  }
}

/**
 * Adds tree t's leaf value to out[outOffset + r] for every row of the block, on the complete-tree
 * layout: exactly depth steps per row, the child position computed (2p + 1 + goRight), four rows
 * in lockstep.
 */
function addHeapTree(
  heap: HeapLayout,
  t: number,
  rows: Float32Array,
  numCols: number,
  count: number,
  out: Float64Array,
  outOffset: number,
): void {
  const { feature, threshold, missingRight, value } = heap;
  const depth = heap.depth[t] as number;
  const base = heap.node[t] as number;
  // Leaf position p (≥ 2^depth − 1) has its value at leafAt + p.
  const leafAt = (heap.leaf[t] as number) - (2 ** depth - 1);
  let r = 0;
  for (; r + 4 <= count; r += 4) {
    const b0 = r * numCols;
    const b1 = b0 + numCols;
    const b2 = b1 + numCols;
    const b3 = b2 + numCols;
    let p0 = 0;
    let p1 = 0;
    let p2 = 0;
    let p3 = 0;
    for (let s = 0; s < depth; s++) {
      const n0 = base + p0;
      const n1 = base + p1;
      const n2 = base + p2;
      const n3 = base + p3;
      const x0 = rows[b0 + (feature[n0] as number)] as number;
      const x1 = rows[b1 + (feature[n1] as number)] as number;
      const x2 = rows[b2 + (feature[n2] as number)] as number;
      const x3 = rows[b3 + (feature[n3] as number)] as number;
      p0 =
        2 * p0 +
        1 +
        (Number(x0 >= (threshold[n0] as number)) |
          (Number(Number.isNaN(x0)) & (missingRight[n0] as number)));
      p1 =
        2 * p1 +
        1 +
        (Number(x1 >= (threshold[n1] as number)) |
          (Number(Number.isNaN(x1)) & (missingRight[n1] as number)));
      p2 =
        2 * p2 +
        1 +
        (Number(x2 >= (threshold[n2] as number)) |
          (Number(Number.isNaN(x2)) & (missingRight[n2] as number)));
      p3 =
        2 * p3 +
        1 +
        (Number(x3 >= (threshold[n3] as number)) |
          (Number(Number.isNaN(x3)) & (missingRight[n3] as number)));
    }
    const o = outOffset + r;
    out[o] = (out[o] as number) + (value[leafAt + p0] as number);
    out[o + 1] = (out[o + 1] as number) + (value[leafAt + p1] as number);
    out[o + 2] = (out[o + 2] as number) + (value[leafAt + p2] as number);
    out[o + 3] = (out[o + 3] as number) + (value[leafAt + p3] as number);
  }
  for (; r < count; r++) {
    const b = r * numCols;
    let p = 0;
    for (let s = 0; s < depth; s++) {
      const n = base + p;
      const x = rows[b + (feature[n] as number)] as number;
      p =
        2 * p +
        1 +
        (Number(x >= (threshold[n] as number)) |
          (Number(Number.isNaN(x)) & (missingRight[n] as number)));
    }
    out[outOffset + r] = (out[outOffset + r] as number) + (value[leafAt + p] as number);
  }
}

/**
 * Adds every tree's leaf values to out[outFrom + i] for rows [from, to) of `values` (row r,
 * feature f at r * rowStride + f * colStride), block by block through `block` (scratch of at
 * least BLOCK_ROWS × numCols). Each row's sum is the same whichever range it is scored in, so
 * threads scoring disjoint ranges give the margins of one thread bit for bit.
 */
export function addRowRange(
  walk: WalkLayout,
  numTrees: number,
  values: Float64Array,
  rowStride: number,
  colStride: number,
  numCols: number,
  from: number,
  to: number,
  block: Float32Array,
  out: Float64Array,
  outFrom: number,
): void {
  for (let r = from; r < to; r += BLOCK_ROWS) {
    const count = Math.min(BLOCK_ROWS, to - r);
    loadRows(values, rowStride, colStride, numCols, r, count, block);
    addBlock(walk, numTrees, block, numCols, count, out, outFrom + (r - from));
  }
}

/** Raw margins of every row of a matrix (width already checked), on the calling thread. */
export function forestMargins(forest: CompiledForest, matrix: DenseMatrix): Float64Array {
  const { numRows, numCols, values } = matrix;
  const { rowStride, colStride } = strides(matrix);
  const out = new Float64Array(numRows).fill(forest.baseScore);
  const block = new Float32Array(Math.min(BLOCK_ROWS, numRows) * numCols);
  const { walk, numTrees } = forest;
  addRowRange(walk, numTrees, values, rowStride, colStride, numCols, 0, numRows, block, out, 0);
  return out;
}

/** Raw margin of one row already loaded as toBinnable values in `row`. */
export function forestMarginOfLoaded(forest: CompiledForest, row: Float32Array): number {
  const { feature, threshold, defaultLeft, left, right, leafValue, treeRoot, numTrees } = forest;
  let sum = forest.baseScore;
  for (let t = 0; t < numTrees; t++) {
    let node = treeRoot[t] as number;
    while (node >= 0) {
      const x = row[feature[node] as number] as number;
      const goLeft =
        x < (threshold[node] as number) || (Number.isNaN(x) && defaultLeft[node] === 1);
      node = goLeft ? (left[node] as number) : (right[node] as number);
    }
    sum += leafValue[~node] as number;
  }
  return sum;
}
