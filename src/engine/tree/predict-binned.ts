import type { BinnedMatrix } from '../binning/bin-matrix.ts';
import { rootRef, type Tree } from './tree.ts';

/**
 * Adds a tree's leaf values to `margin` for every row of a binned matrix (training and validation
 * rows). Equivalent to raw-value prediction because the thresholds are the bins' cuts.
 */
export function addTreeToMargins(
  tree: Tree,
  splitBin: Int32Array,
  binned: BinnedMatrix,
  margin: Float64Array,
): void {
  const { bins, numRows } = binned;
  const root = rootRef(tree);
  const { splitFeature, defaultLeft, leftChild, rightChild, leafValue } = tree;
  for (let r = 0; r < numRows; r++) {
    let node = root;
    while (node >= 0) {
      const b = bins[(splitFeature[node] as number) * numRows + r] as number;
      const goLeft = b === 0 ? defaultLeft[node] === 1 : b <= (splitBin[node] as number);
      node = goLeft ? (leftChild[node] as number) : (rightChild[node] as number);
    }
    margin[r] = (margin[r] as number) + (leafValue[~node] as number);
  }
}
