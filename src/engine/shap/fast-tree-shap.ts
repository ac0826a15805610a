import type { CompiledForest } from '../forest/compiled-forest.ts';

/**
 * Exact path-dependent TreeSHAP with per-leaf precomputation (after Fast TreeSHAP v2, Yang 2021).
 *
 * For a leaf with value v whose path splits on the distinct features F (|F| = D), let z_j be the
 * product of the cover fractions of the path's splits on j, and A ⊆ F the features on which the
 * row follows every split of the path. With Shapley weights w(k) = k!(D−k−1)!/D! and
 * H(C) = Σ_k w(k)·[t^k] Π_{j∈C} (z_j + t), the leaf adds to φ_i
 *   v · (1 − z_i) · H(A∖{i}) · Π_{j∈F∖A} z_j   when i ∈ A,
 *  −v · H(A) · Π_{j∈F∖A} z_j                    when i ∉ A,
 * which is the closed form of path-dependent TreeSHAP's leaf term. Both depend only on subsets,
 * so small leaves keep U(C) = v·H(C)·Π_{j∈F∖C} z_j for all 2^D subsets C in a table (φ_i gets
 * U(A∖{i})·(1 − z_i)/z_i or −U(A)) and a row costs O(D) per leaf; larger leaves, and leaves
 * under a zero cover, compute H from the polynomial per row (O(D·|A|)). A row's A for every leaf comes
 * from one forward pass over the tree's preorder nodes, each node clearing its feature's bit on
 * the side the row does not take. Trees with a leaf over `maxPathFeatures` distinct features
 * (bit masks are 31 bits) are left to the caller's fallback.
 */
export interface FastTreeShapOptions {
  /** Leaves with at most this many distinct path features get a subset table. */
  readonly tableMaxFeatures: number;
  /** Total table entries (float64) allowed for the whole model. */
  readonly tableBudget: number;
  /** Trees with a leaf over this many distinct path features are not handled (≤ 30). */
  readonly maxPathFeatures: number;
}

export const DEFAULT_FAST_TREE_SHAP_OPTIONS: FastTreeShapOptions = {
  tableMaxFeatures: 10,
  tableBudget: 1 << 22,
  maxPathFeatures: 30,
};

/** Shapley weights w_D(k) = k!(D−k−1)!/D!, at SHAPLEY_WEIGHTS[D * 32 + k]. */
const SHAPLEY_WEIGHTS = (() => {
  const weights = new Float64Array(32 * 32);
  for (let d = 1; d < 32; d++) {
    // w_D(0) = 1/D, w_D(k) = w_D(k−1) · k / (D − k); the last step's division by 0 is unused.
    let w = 1 / d;
    for (let k = 0; k < d; k++) {
      weights[d * 32 + k] = w;
      w = (w * (k + 1)) / (d - k - 1);
    }
  }
  return weights;
})();

export class FastTreeShap {
  /** Whether tree t is handled here (else the caller falls back). */
  readonly handles: Uint8Array;
  /** Per node: the bit of its feature among its path's distinct features. */
  private readonly nodeBit: Int32Array;
  /** Per leaf: number of distinct path features, where they start in the path arrays, table. */
  private readonly leafFeatures: Int32Array;
  private readonly leafPathStart: Int32Array;
  private readonly leafTable: Int32Array;
  /** Per leaf path entry: feature, z, 1 − z. */
  private readonly pathFeature: Int32Array;
  private readonly pathZero: Float64Array;
  private readonly pathOneMinusZero: Float64Array;
  /** Per leaf path entry: (1 − z) / z, the factor of a table entry when the row agrees. */
  private readonly pathRatio: Float64Array;
  /** U(C) = v·H(C)·Π_{j∈F∖C} z_j of every subset C of a tabled leaf's features. */
  private readonly table: Float64Array;
  /** Per-row scratch: subset masks of a tree's nodes and leaves, a polynomial. */
  private readonly nodeMask: Int32Array;
  private readonly leafMask: Int32Array;
  private readonly poly = new Float64Array(33);

  constructor(
    private readonly forest: CompiledForest,
    options: FastTreeShapOptions = DEFAULT_FAST_TREE_SHAP_OPTIONS,
  ) {
    const numLeaves = forest.leafValue.length;
    this.handles = new Uint8Array(forest.numTrees);
    this.nodeBit = new Int32Array(forest.feature.length);
    this.leafFeatures = new Int32Array(numLeaves);
    this.leafPathStart = new Int32Array(numLeaves);
    this.leafTable = new Int32Array(numLeaves).fill(-1);
    this.nodeMask = new Int32Array(Math.max(1, forest.maxTreeNodes));
    this.leafMask = new Int32Array(Math.max(1, forest.maxTreeLeaves));

    const features: number[] = [];
    const zeros: number[] = [];
    const maxFeatures = Math.min(options.maxPathFeatures, 30);
    for (let t = 0; t < forest.numTrees; t++) {
      if ((forest.treeNodeCount[t] as number) === 0) continue;
      const mark = features.length;
      if (this.collectPaths(t, features, zeros, maxFeatures)) {
        this.handles[t] = 1;
      } else {
        features.length = mark;
        zeros.length = mark;
      }
    }
    this.pathFeature = Int32Array.from(features);
    this.pathZero = Float64Array.from(zeros);
    this.pathOneMinusZero = Float64Array.from(zeros, (z) => 1 - z);
    this.pathRatio = Float64Array.from(zeros, (z) => (1 - z) / z);
    this.table = this.buildTables(options);
  }

  /** Depth-first over tree t: node bits and each leaf's distinct features and z. */
  private collectPaths(t: number, features: number[], zeros: number[], maxFeatures: number) {
    const { forest, nodeBit } = this;
    const leafStart = forest.treeLeafStart[t] as number;
    const leafCount = forest.treeLeafCount[t] as number;
    const pathFeatures: number[] = [];
    const pathZeros: number[] = [];
    let fits = true;
    const visit = (ref: number): void => {
      if (!fits) return;
      if (ref < 0) {
        if (pathFeatures.length > maxFeatures) {
          fits = false;
          return;
        }
        const leaf = ~ref;
        this.leafFeatures[leaf] = pathFeatures.length;
        this.leafPathStart[leaf] = features.length;
        features.push(...pathFeatures);
        zeros.push(...pathZeros);
        return;
      }
      const f = forest.feature[ref] as number;
      let bit = pathFeatures.indexOf(f);
      const isNew = bit < 0;
      if (isNew) {
        bit = pathFeatures.length;
        pathFeatures.push(f);
        pathZeros.push(1);
      }
      nodeBit[ref] = bit;
      const before = pathZeros[bit] as number;
      const cover = forest.nodeCover[ref] as number;
      for (const child of [forest.left[ref] as number, forest.right[ref] as number]) {
        const childCover =
          child >= 0 ? (forest.nodeCover[child] as number) : (forest.leafCover[~child] as number);
        pathZeros[bit] = before * (childCover / cover);
        visit(child);
      }
      pathZeros[bit] = before;
      if (isNew) {
        pathFeatures.pop();
        pathZeros.pop();
      }
    };
    visit(forest.treeRoot[t] as number);
    if (!fits) {
      for (let l = leafStart; l < leafStart + leafCount; l++) this.leafFeatures[l] = 0;
    }
    return fits;
  }

  /** Tables U(C) for small leaves, within the budget (in tree order). */
  private buildTables(options: FastTreeShapOptions): Float64Array {
    const { forest, leafFeatures, leafTable, pathZero, leafPathStart } = this;
    let size = 0;
    for (let t = 0; t < forest.numTrees; t++) {
      if (this.handles[t] === 0) continue;
      const start = forest.treeLeafStart[t] as number;
      for (let l = start; l < start + (forest.treeLeafCount[t] as number); l++) {
        const d = leafFeatures[l] as number;
        if (d > options.tableMaxFeatures || size + (1 << d) > options.tableBudget) continue;
        // The table divides by z: leaves under a zero-cover split take the polynomial way.
        const p = leafPathStart[l] as number;
        if (pathZero.subarray(p, p + d).some((z) => !(z > 0))) continue;
        leafTable[l] = size;
        size += 1 << d;
      }
    }
    const table = new Float64Array(size);
    // Polynomials Π_{j∈C} (z_j + t) of every subset, (D + 1) coefficients each.
    let polys = new Float64Array(0);
    for (let l = 0; l < leafTable.length; l++) {
      const at = leafTable[l] as number;
      if (at < 0) continue;
      const d = leafFeatures[l] as number;
      const stride = d + 1;
      if (polys.length < (1 << d) * stride) polys = new Float64Array((1 << d) * stride);
      polys.fill(0, 0, (1 << d) * stride);
      polys[0] = 1;
      const v = forest.leafValue[l] as number;
      const p = leafPathStart[l] as number;
      let allOutside = 1;
      for (let k = 0; k < d; k++) allOutside *= pathZero[p + k] as number;
      table[at] = v * (SHAPLEY_WEIGHTS[d * 32] as number) * allOutside;
      for (let c = 1; c < 1 << d; c++) {
        const low = 31 - Math.clz32(c & -c);
        const z = pathZero[p + low] as number;
        const from = (c & (c - 1)) * stride;
        const to = c * stride;
        // (Π_{C∖low}) · (z + t)
        polys[to] = (polys[from] as number) * z;
        for (let k = 1; k <= d; k++) {
          polys[to + k] = (polys[from + k] as number) * z + (polys[from + k - 1] as number);
        }
        let h = 0;
        for (let k = 0; k < d; k++)
          h += (SHAPLEY_WEIGHTS[d * 32 + k] as number) * (polys[to + k] as number);
        let outside = 1;
        for (let k = 0; k < d; k++) if (((c >> k) & 1) === 0) outside *= pathZero[p + k] as number;
        table[at + c] = v * h * outside;
      }
    }
    return table;
  }

  /**
   * Adds tree t's SHAP values of `row` (toBinnable values, NaN = missing, feature f at
   * row[f]) into phi[phiOffset + f]. Only for trees with handles[t] = 1.
   */
  explainTree(
    t: number,
    row: Float32Array,
    rowOffset: number,
    phi: Float64Array,
    phiOffset: number,
  ): void {
    const { forest, nodeBit, nodeMask, leafMask } = this;
    const { feature, threshold, defaultLeft, left, right } = forest;
    const nodeStart = forest.treeNodeStart[t] as number;
    const nodeEnd = nodeStart + (forest.treeNodeCount[t] as number);
    const leafStart = forest.treeLeafStart[t] as number;
    const leafEnd = leafStart + (forest.treeLeafCount[t] as number);

    // Preorder: a node's mask is final before its children read it.
    nodeMask[0] = -1;
    for (let n = nodeStart; n < nodeEnd; n++) {
      const mask = nodeMask[n - nodeStart] as number;
      const x = row[rowOffset + (feature[n] as number)] as number;
      const goLeft = x < (threshold[n] as number) || (Number.isNaN(x) && defaultLeft[n] === 1);
      const cold = mask & ~(1 << (nodeBit[n] as number));
      const l = left[n] as number;
      const r = right[n] as number;
      const leftMask = goLeft ? mask : cold;
      const rightMask = goLeft ? cold : mask;
      if (l >= 0) nodeMask[l - nodeStart] = leftMask;
      else leafMask[~l - leafStart] = leftMask;
      if (r >= 0) nodeMask[r - nodeStart] = rightMask;
      else leafMask[~r - leafStart] = rightMask;
    }

    const { leafFeatures, leafPathStart, leafTable, pathFeature, pathZero, pathRatio, table } =
      this;
    for (let leaf = leafStart; leaf < leafEnd; leaf++) {
      const d = leafFeatures[leaf] as number;
      const p = leafPathStart[leaf] as number;
      const agree = (leafMask[leaf - leafStart] as number) & ((1 << d) - 1);
      const at = leafTable[leaf] as number;
      if (at >= 0) {
        // φ_i += U(A∖{i})·(1 − z_i)/z_i for i ∈ A, −U(A) otherwise; A∖{i} = A when i ∉ A.
        for (let k = 0; k < d; k++) {
          const i = phiOffset + (pathFeature[p + k] as number);
          // Branch-free and exact: the ratio when o = 1, −1 when o = 0 (ratios are finite).
          const o = (agree >> k) & 1;
          const factor = o * (pathRatio[p + k] as number) - (1 - o);
          phi[i] = (phi[i] as number) + factor * (table[at + (agree & ~(1 << k))] as number);
        }
      } else {
        let outside = 1;
        for (let k = 0; k < d; k++) {
          if (((agree >> k) & 1) === 0) outside *= pathZero[p + k] as number;
        }
        this.leafByPolynomial(leaf, d, p, agree, outside, phi, phiOffset);
      }
    }
  }

  /** The leaf's terms with H computed from Π_{j∈A} (z_j + t) for this row. */
  private leafByPolynomial(
    leaf: number,
    d: number,
    p: number,
    agree: number,
    outside: number,
    phi: Float64Array,
    phiOffset: number,
  ): void {
    const { poly, pathFeature, pathZero, pathOneMinusZero } = this;
    const v = this.forest.leafValue[leaf] as number;
    const w = d * 32;
    let degree = 0;
    poly[0] = 1;
    for (let k = 0; k < d; k++) {
      if (((agree >> k) & 1) === 0) continue;
      const z = pathZero[p + k] as number;
      poly[degree + 1] = poly[degree] as number;
      for (let j = degree; j > 0; j--) poly[j] = (poly[j] as number) * z + (poly[j - 1] as number);
      poly[0] = (poly[0] as number) * z;
      degree++;
    }
    let hAll = 0;
    for (let k = 0; k <= degree; k++)
      hAll += (SHAPLEY_WEIGHTS[w + k] as number) * (poly[k] as number);
    const scale = v * outside;
    const absent = -hAll * scale;
    for (let k = 0; k < d; k++) {
      const i = phiOffset + (pathFeature[p + k] as number);
      if (((agree >> k) & 1) === 0) {
        phi[i] = (phi[i] as number) + absent;
        continue;
      }
      // Π_{A∖k} = Π_A / (z_k + t) by synthetic division from the top (stable for z ≤ 1).
      const z = pathZero[p + k] as number;
      let r = poly[degree] as number;
      let h = (SHAPLEY_WEIGHTS[w + degree - 1] as number) * r;
      for (let j = degree - 1; j >= 1; j--) {
        r = (poly[j] as number) - z * r;
        h += (SHAPLEY_WEIGHTS[w + j - 1] as number) * r;
      }
      phi[i] = (phi[i] as number) + (pathOneMinusZero[p + k] as number) * h * scale;
    }
  }
}
