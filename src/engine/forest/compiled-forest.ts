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
  /** The layout of the batch walk (see `WalkLayout`). */
  readonly walk: WalkLayout;
}

/**
 * The forest laid out for a branch-free batch walk: per tree, its internal nodes (in preorder)
 * then its leaves, in one slot numbering. A leaf slot is absorbing (both children are itself), so
 * a row may take more steps than its depth and stays on its leaf; the walk can then step several
 * rows in lockstep without a data-dependent branch per row. At internal slot s a row with value x
 * (a `toBinnable` value) goes to kids[2s + 1] (right) when x ≥ threshold[s], or when x is missing
 * and missingRight[s] = 1, else to kids[2s]. `threshold` is the smallest float32 ≥ the node's
 * threshold, so that for any float32 x, x ≥ it exactly when x < threshold is false (the rule of
 * `leafOf`).
 */
export interface WalkLayout {
  readonly kids: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float32Array;
  readonly missingRight: Int32Array;
  /** Leaf value per slot (0 at internal slots). */
  readonly value: Float64Array;
  /** Per tree: its root slot, first leaf slot, and shortest and longest root-to-leaf path. */
  readonly root: Int32Array;
  readonly firstLeaf: Int32Array;
  readonly minDepth: Int32Array;
  readonly maxDepth: Int32Array;
  /** The shallow trees again, as complete trees (see `HeapLayout`). */
  readonly heap: HeapLayout;
}

/** Trees at most this deep also get a complete-tree layout (2^depth leaves each). */
export const HEAP_MAX_DEPTH = 8;

/**
 * Trees of depth d ≤ HEAP_MAX_DEPTH laid out as complete binary trees in heap order: internal
 * position p has children 2p + 1 (left) and 2p + 2 (right), and a row takes exactly d steps, with
 * no child table and no test for having reached a leaf. A leaf shallower than d is padded with
 * internal positions whose leaves below all carry its value (their split is arbitrary), so a row
 * ends with the value of the leaf the tree gives it. Position p of tree t is at node[t] + p; its
 * leaf at position p ≥ 2^d − 1 has its value at value[leaf[t] + p − (2^d − 1)].
 */
export interface HeapLayout {
  /** Per tree: its depth, or −1 when deeper than HEAP_MAX_DEPTH (walked on `WalkLayout`). */
  readonly depth: Int32Array;
  readonly node: Int32Array;
  readonly leaf: Int32Array;
  /** Per internal position, as in `WalkLayout`. */
  readonly feature: Int32Array;
  readonly threshold: Float32Array;
  readonly missingRight: Int32Array;
  /** Per leaf position. */
  readonly value: Float64Array;
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
    // In shared memory: prediction workers walk the same layout without a copy.
    walk: {
      kids: shared(Int32Array, 2 * (totalNodes + totalLeaves)),
      feature: shared(Int32Array, totalNodes + totalLeaves),
      threshold: shared(Float32Array, totalNodes + totalLeaves),
      missingRight: shared(Int32Array, totalNodes + totalLeaves),
      value: shared(Float64Array, totalNodes + totalLeaves),
      root: shared(Int32Array, trees.length),
      firstLeaf: shared(Int32Array, trees.length),
      minDepth: shared(Int32Array, trees.length),
      maxDepth: shared(Int32Array, trees.length),
      heap: emptyHeap(),
    },
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
  for (let t = 0; t < trees.length; t++) layOutWalk(forest, forest.walk, t);
  return { ...forest, walk: { ...forest.walk, heap: layOutHeap(forest.walk, trees.length) } };
}

function emptyHeap(): HeapLayout {
  return {
    depth: shared(Int32Array, 0),
    node: shared(Int32Array, 0),
    leaf: shared(Int32Array, 0),
    feature: shared(Int32Array, 0),
    threshold: shared(Float32Array, 0),
    missingRight: shared(Int32Array, 0),
    value: shared(Float64Array, 0),
  };
}

/** The complete-tree layout of the trees at most HEAP_MAX_DEPTH deep, from the walk layout. */
function layOutHeap(walk: Omit<WalkLayout, 'heap'>, numTrees: number): HeapLayout {
  let nodes = 0;
  let leaves = 0;
  const depth = shared(Int32Array, numTrees);
  const node = shared(Int32Array, numTrees);
  const leaf = shared(Int32Array, numTrees);
  for (let t = 0; t < numTrees; t++) {
    const d = walk.maxDepth[t] as number;
    depth[t] = d <= HEAP_MAX_DEPTH ? d : -1;
    if (d > HEAP_MAX_DEPTH) continue;
    node[t] = nodes;
    leaf[t] = leaves;
    nodes += 2 ** d - 1;
    leaves += 2 ** d;
  }
  const heap: HeapLayout = {
    depth,
    node,
    leaf,
    feature: shared(Int32Array, nodes),
    threshold: shared(Float32Array, nodes),
    missingRight: shared(Int32Array, nodes),
    value: shared(Float64Array, leaves),
  };
  for (let t = 0; t < numTrees; t++) {
    const d = depth[t] as number;
    if (d < 0) continue;
    const internal = 2 ** d - 1;
    // slotAt[p]: the walk slot a row at heap position p is on (a leaf slot stays put).
    const slotAt = new Int32Array(2 * internal + 1);
    slotAt[0] = walk.root[t] as number;
    const firstLeaf = walk.firstLeaf[t] as number;
    for (let p = 0; p < internal; p++) {
      const slot = slotAt[p] as number;
      const at = (node[t] as number) + p;
      if (slot < firstLeaf) {
        heap.feature[at] = walk.feature[slot] as number;
        heap.threshold[at] = walk.threshold[slot] as number;
        heap.missingRight[at] = walk.missingRight[slot] as number;
      }
      slotAt[2 * p + 1] = walk.kids[2 * slot] as number;
      slotAt[2 * p + 2] = walk.kids[2 * slot + 1] as number;
    }
    for (let p = internal; p < 2 * internal + 1; p++) {
      heap.value[(leaf[t] as number) + p - internal] = walk.value[slotAt[p] as number] as number;
    }
  }
  return heap;
}

/** A zeroed typed array over a SharedArrayBuffer. */
function shared<T>(
  Ctor: { new (buffer: SharedArrayBuffer): T; readonly BYTES_PER_ELEMENT: number },
  length: number,
): T {
  return new Ctor(new SharedArrayBuffer(Ctor.BYTES_PER_ELEMENT * length));
}

/** The smallest float32 ≥ t (NaN becomes −∞: `x < NaN` is false, so every value goes right). */
function float32AtLeast(t: number): number {
  if (Number.isNaN(t)) return Number.NEGATIVE_INFINITY;
  const f = Math.fround(t);
  if (f >= t) return f;
  if (f === 0) return 2 ** -149;
  const bits = new Float32Array([f]);
  const word = new Int32Array(bits.buffer);
  word[0] = (word[0] as number) + (f > 0 ? 1 : -1);
  return bits[0] as number;
}

/** Writes tree t's slots of the walk layout (its nodes already flattened in preorder). */
function layOutWalk(forest: Omit<CompiledForest, 'walk'>, walk: WalkLayout, t: number): void {
  const nodeStart = forest.treeNodeStart[t] as number;
  const numNodes = forest.treeNodeCount[t] as number;
  const leafStart = forest.treeLeafStart[t] as number;
  const numLeaves = forest.treeLeafCount[t] as number;
  // Slots of tree t start after the slots of the earlier trees: nodeStart + leafStart.
  const base = nodeStart + leafStart;
  const slotOf = (child: number) =>
    child >= 0 ? base + child - nodeStart : base + numNodes + (~child - leafStart);
  const depth = new Int32Array(numNodes + numLeaves);
  for (let i = 0; i < numNodes; i++) {
    const node = nodeStart + i;
    const slot = base + i;
    walk.feature[slot] = forest.feature[node] as number;
    walk.threshold[slot] = float32AtLeast(forest.threshold[node] as number);
    walk.missingRight[slot] = forest.defaultLeft[node] === 1 ? 0 : 1;
    const left = slotOf(forest.left[node] as number);
    const right = slotOf(forest.right[node] as number);
    walk.kids[2 * slot] = left;
    walk.kids[2 * slot + 1] = right;
    // Preorder: a parent's depth is known before its children's.
    depth[left - base] = (depth[i] as number) + 1;
    depth[right - base] = (depth[i] as number) + 1;
  }
  let minDepth = numNodes === 0 ? 0 : Number.POSITIVE_INFINITY;
  let maxDepth = 0;
  for (let j = 0; j < numLeaves; j++) {
    const slot = base + numNodes + j;
    walk.kids[2 * slot] = slot;
    walk.kids[2 * slot + 1] = slot;
    walk.value[slot] = forest.leafValue[leafStart + j] as number;
    const d = depth[numNodes + j] as number;
    if (d < minDepth) minDepth = d;
    if (d > maxDepth) maxDepth = d;
  }
  walk.root[t] = base;
  walk.firstLeaf[t] = base + numNodes;
  walk.minDepth[t] = minDepth;
  walk.maxDepth[t] = maxDepth;
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
