import type { DenseMatrix } from '../matrix.ts';
import { strides } from '../matrix.ts';
import { type CompiledForest, loadRows } from './compiled-forest.ts';

/** Rows per block: a block's row-major copy stays in cache while every tree runs over it. */
const BLOCK_ROWS = 128;

/**
 * Adds, for every row of the block in `rows` (row-major toBinnable values), every tree's leaf
 * value into out[outOffset + r], tree after tree (the same order of additions as one row alone).
 */
function addBlock(
  forest: CompiledForest,
  rows: Float32Array,
  numCols: number,
  count: number,
  out: Float64Array,
  outOffset: number,
): void {
  const { feature, threshold, defaultLeft, left, right, leafValue, treeRoot, numTrees } = forest;
  for (let t = 0; t < numTrees; t++) {
    const root = treeRoot[t] as number;
    if (root < 0) {
      const value = leafValue[~root] as number;
      for (let r = 0; r < count; r++) out[outOffset + r] = (out[outOffset + r] as number) + value;
      continue;
    }
    for (let r = 0; r < count; r++) {
      const base = r * numCols;
      let node = root;
      while (node >= 0) {
        const x = rows[base + (feature[node] as number)] as number;
        const goLeft =
          x < (threshold[node] as number) || (Number.isNaN(x) && defaultLeft[node] === 1);
        node = goLeft ? (left[node] as number) : (right[node] as number);
      }
      out[outOffset + r] = (out[outOffset + r] as number) + (leafValue[~node] as number);
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
