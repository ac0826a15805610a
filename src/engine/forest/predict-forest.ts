import type { DenseMatrix } from '../matrix.ts';
import { strides } from '../matrix.ts';
import { type CompiledForest, loadRows } from './compiled-forest.ts';

/** Rows per block: a block's row-major copy stays in cache while every tree runs over it. */
const BLOCK_ROWS = 128;

/**
 * Adds, for every row of the block in `rows` (row-major toBinnable values), every tree's leaf
 * value into out[outOffset + r], tree after tree (the same order of additions as one row alone).
 * Four rows walk each tree in lockstep on the walk layout (see `WalkLayout`), without a branch
 * per row and step: every row first takes the tree's shortest path length in steps (rows on a
 * leaf stay there), then all four step on until each is on a leaf.
 */
function addBlock(
  forest: CompiledForest,
  rows: Float32Array,
  numCols: number,
  count: number,
  out: Float64Array,
  outOffset: number,
): void {
  const { kids, feature, threshold, missingRight, value, root, firstLeaf, minDepth } = forest.walk;
  for (let t = 0; t < forest.numTrees; t++) {
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

/** Raw margins of every row of a matrix (width already checked). */
export function forestMargins(forest: CompiledForest, matrix: DenseMatrix): Float64Array {
  const { numRows, numCols, values } = matrix;
  const { rowStride, colStride } = strides(matrix);
  const out = new Float64Array(numRows).fill(forest.baseScore);
  const block = new Float32Array(Math.min(BLOCK_ROWS, numRows) * numCols);
  for (let from = 0; from < numRows; from += BLOCK_ROWS) {
    const count = Math.min(BLOCK_ROWS, numRows - from);
    loadRows(values, rowStride, colStride, numCols, from, count, block);
    addBlock(forest, block, numCols, count, out, from);
  }
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
