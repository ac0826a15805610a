import { toBinnable } from '../binning/bin-cuts.ts';

/**
 * A regression tree as parallel arrays (LightGBM style). Internal nodes are 0..numNodes−1 with
 * node 0 the root; a child reference c ≥ 0 is an internal node, c < 0 is the leaf ~c. A tree with
 * no split has numNodes = 0 and a single leaf 0. At node n a row goes left when its value x of
 * feature splitFeature[n] satisfies float32(x) < threshold[n], and by defaultLeft[n] when missing.
 * Covers are sums of training hessians (as in XGBoost), used by TreeSHAP.
 */
export interface Tree {
  readonly numNodes: number;
  readonly numLeaves: number;
  readonly splitFeature: Int32Array;
  readonly threshold: Float64Array;
  readonly defaultLeft: Uint8Array;
  readonly leftChild: Int32Array;
  readonly rightChild: Int32Array;
  readonly splitGain: Float64Array;
  readonly nodeCover: Float64Array;
  readonly leafValue: Float64Array;
  readonly leafCover: Float64Array;
}

/** The reference of a tree's root: node 0, or leaf 0 when the tree has no split. */
export function rootRef(tree: Tree): number {
  return tree.numNodes > 0 ? 0 : ~0;
}

/** The leaf reached by a row whose feature f is at `values[offset + f * stride]`. */
export function leafOf(
  tree: Tree,
  values: ArrayLike<number>,
  offset: number,
  stride: number,
): number {
  let node = rootRef(tree);
  while (node >= 0) {
    const x = values[offset + (tree.splitFeature[node] as number) * stride] as number;
    const goLeft = Number.isNaN(x)
      ? tree.defaultLeft[node] === 1
      : toBinnable(x) < (tree.threshold[node] as number);
    node = goLeft ? (tree.leftChild[node] as number) : (tree.rightChild[node] as number);
  }
  return ~node;
}

/** Depth of the deepest leaf (0 for a single leaf). */
export function treeDepth(tree: Tree): number {
  const walk = (ref: number): number =>
    ref < 0
      ? 0
      : 1 + Math.max(walk(tree.leftChild[ref] as number), walk(tree.rightChild[ref] as number));
  return walk(rootRef(tree));
}

/** Cover of a node or leaf reference. */
export function coverOf(tree: Tree, ref: number): number {
  return ref >= 0 ? (tree.nodeCover[ref] as number) : (tree.leafCover[~ref] as number);
}
