import { toBinnable } from '../binning/bin-cuts.ts';
import type { Model } from '../model.ts';
import type { Tree } from '../tree/tree.ts';

/**
 * Every tree of a model flattened into a few typed arrays, built once per model. Nodes of each
 * tree are renumbered in preorder (a child always comes after its parent, the root first), so
 * one forward pass over a tree's nodes visits parents before children. A child reference
 * c ≥ 0 is a global node index, c < 0 the global leaf ~c. At node n a row goes left when its
 * float32-rounded, clamped value (`toBinnable`) is < threshold[n], and by defaultLeft[n] when
 * missing: exactly the rule of `leafOf`.
 */
export interface CompiledForest {
  readonly numTrees: number;
  readonly numFeatures: number;
  readonly baseScore: number;
  /** Per tree: its root reference, first global node, node count, first global leaf, leaf count. */
  readonly treeRoot: Int32Array;
  readonly treeNodeStart: Int32Array;
  readonly treeNodeCount: Int32Array;
  readonly treeLeafStart: Int32Array;
  readonly treeLeafCount: Int32Array;
  /** Per node. */
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly defaultLeft: Uint8Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Training cover (hessian sum) of each node and leaf. */
  readonly nodeCover: Float64Array;
  readonly leafCover: Float64Array;
  readonly leafValue: Float64Array;
  /** Largest node and leaf count of one tree (for per-tree scratch). */
  readonly maxTreeNodes: number;
  readonly maxTreeLeaves: number;
}

/** Flattens a model's trees (see `CompiledForest`); prefer the cached `compiledForestOf`. */
export function compileForest(model: Model): CompiledForest {
  const { trees } = model;
  let totalNodes = 0;
  let totalLeaves = 0;
  let maxTreeNodes = 0;
  let maxTreeLeaves = 0;
  for (const tree of trees) {
    totalNodes += tree.numNodes;
    totalLeaves += tree.numLeaves;
    maxTreeNodes = Math.max(maxTreeNodes, tree.numNodes);
    maxTreeLeaves = Math.max(maxTreeLeaves, tree.numLeaves);
  }
  const forest = {
    numTrees: trees.length,
    numFeatures: model.featureNames.length,
    baseScore: model.baseScore,
    treeRoot: new Int32Array(trees.length),
    treeNodeStart: new Int32Array(trees.length),
    treeNodeCount: new Int32Array(trees.length),
    treeLeafStart: new Int32Array(trees.length),
    treeLeafCount: new Int32Array(trees.length),
    feature: new Int32Array(totalNodes),
    threshold: new Float64Array(totalNodes),
    defaultLeft: new Uint8Array(totalNodes),
    left: new Int32Array(totalNodes),
    right: new Int32Array(totalNodes),
    nodeCover: new Float64Array(totalNodes),
    leafCover: new Float64Array(totalLeaves),
    leafValue: new Float64Array(totalLeaves),
    maxTreeNodes,
    maxTreeLeaves,
  };
  let nodeStart = 0;
  let leafStart = 0;
  trees.forEach((tree, t) => {
    forest.treeNodeStart[t] = nodeStart;
    forest.treeNodeCount[t] = tree.numNodes;
    forest.treeLeafStart[t] = leafStart;
    forest.treeLeafCount[t] = tree.numLeaves;
    forest.leafValue.set(tree.leafValue, leafStart);
    forest.leafCover.set(tree.leafCover, leafStart);
    forest.treeRoot[t] =
      tree.numNodes > 0 ? flattenTree(tree, forest, nodeStart, leafStart) : ~leafStart;
    nodeStart += tree.numNodes;
    leafStart += tree.numLeaves;
  });
  return forest;
}

/** Copies one tree's nodes in preorder from `nodeStart`; leaves keep their order. */
function flattenTree(
  tree: Tree,
  forest: {
    feature: Int32Array;
    threshold: Float64Array;
    defaultLeft: Uint8Array;
    left: Int32Array;
    right: Int32Array;
    nodeCover: Float64Array;
  },
  nodeStart: number,
  leafStart: number,
): number {
  // Iterative preorder: the new index of an old node is its visiting rank.
  const newIndex = new Int32Array(tree.numNodes);
  const order = new Int32Array(tree.numNodes);
  const stack = [0];
  let next = 0;
  while (stack.length > 0) {
    const node = stack.pop() as number;
    newIndex[node] = next;
    order[next++] = node;
    const right = tree.rightChild[node] as number;
    const left = tree.leftChild[node] as number;
    if (right >= 0) stack.push(right);
    if (left >= 0) stack.push(left);
  }
  const ref = (child: number) =>
    child >= 0 ? nodeStart + (newIndex[child] as number) : ~(leafStart + ~child);
  for (let i = 0; i < tree.numNodes; i++) {
    const old = order[i] as number;
    const at = nodeStart + i;
    forest.feature[at] = tree.splitFeature[old] as number;
    forest.threshold[at] = tree.threshold[old] as number;
    forest.defaultLeft[at] = tree.defaultLeft[old] as number;
    forest.left[at] = ref(tree.leftChild[old] as number);
    forest.right[at] = ref(tree.rightChild[old] as number);
    forest.nodeCover[at] = tree.nodeCover[old] as number;
  }
  return nodeStart;
}

const cache = new WeakMap<Model, CompiledForest>();

/** The compiled forest of a model, built on first use and kept as long as the model lives. */
export function compiledForestOf(model: Model): CompiledForest {
  let forest = cache.get(model);
  if (forest === undefined) {
    forest = compileForest(model);
    cache.set(model, forest);
  }
  return forest;
}

/**
 * Copies rows [from, from + count) of `values` (row r, feature f at r * rowStride + f * colStride)
 * into row-major `out` as `toBinnable` values (NaN stays NaN), so that walking the trees reads
 * one contiguous row and compares without rounding again.
 */
export function loadRows(
  values: Float64Array,
  rowStride: number,
  colStride: number,
  numCols: number,
  from: number,
  count: number,
  out: Float32Array,
): void {
  // Column by column when the input is column-major: each source column is read contiguously.
  if (rowStride === 1) {
    for (let c = 0; c < numCols; c++) {
      const src = from + c * colStride;
      for (let r = 0; r < count; r++) out[r * numCols + c] = toBinnable(values[src + r] as number);
    }
    return;
  }
  for (let r = 0; r < count; r++) {
    const src = (from + r) * rowStride;
    const dst = r * numCols;
    for (let c = 0; c < numCols; c++)
      out[dst + c] = toBinnable(values[src + c * colStride] as number);
  }
}
