import { toBinnable } from '../binning/bin-cuts.ts';
import { coverOf, rootRef, type Tree, treeDepth } from '../tree/tree.ts';

/**
 * Exact path-dependent TreeSHAP for one tree (Lundberg, Erion & Lee 2018, "Consistent
 * individualized feature attribution for tree ensembles", Algorithm 2), after the reference
 * implementation in the shap package. Features absent from a coalition follow both children in
 * proportion to their training covers. Contributions are added into `phi`.
 */
export class TreeShapExplainer {
  private readonly feature: Int32Array;
  private readonly zero: Float64Array;
  private readonly one: Float64Array;
  private readonly weight: Float64Array;
  /** Cover-weighted mean of the leaf values (the tree's expected value under its covers). */
  readonly expectedValue: number;

  constructor(private readonly tree: Tree) {
    const maxd = treeDepth(tree) + 2;
    const size = ((maxd + 1) * (maxd + 2)) / 2;
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
    this.expectedValue = this.meanBelow(rootRef(tree));
  }

  private meanBelow(ref: number): number {
    const { tree } = this;
    if (ref < 0) return tree.leafValue[~ref] as number;
    const left = tree.leftChild[ref] as number;
    const right = tree.rightChild[ref] as number;
    const cl = coverOf(tree, left);
    const cr = coverOf(tree, right);
    return (cl * this.meanBelow(left) + cr * this.meanBelow(right)) / (cl + cr);
  }

  /** Adds the SHAP values of the row at values[offset + f * stride] into phi[phiOffset + f]. */
  explain(
    values: ArrayLike<number>,
    offset: number,
    stride: number,
    phi: Float64Array,
    phiOffset: number,
  ): void {
    if (this.tree.numNodes === 0) return;
    this.recurse(values, offset, stride, phi, phiOffset, 0, 0, 0, 1, 1, -1);
  }

  private recurse(
    values: ArrayLike<number>,
    offset: number,
    stride: number,
    phi: Float64Array,
    phiOffset: number,
    ref: number,
    depth: number,
    parentStart: number,
    parentZero: number,
    parentOne: number,
    parentFeature: number,
  ): void {
    const { tree, feature, zero, one, weight } = this;
    // This call's path is a copy of the parent's, placed right after it.
    const start = parentStart + depth + 1;
    for (let i = 0; i <= depth; i++) {
      feature[start + i] = feature[parentStart + i] as number;
      zero[start + i] = zero[parentStart + i] as number;
      one[start + i] = one[parentStart + i] as number;
      weight[start + i] = weight[parentStart + i] as number;
    }
    this.extend(start, depth, parentZero, parentOne, parentFeature);

    if (ref < 0) {
      const leafValue = tree.leafValue[~ref] as number;
      for (let i = 1; i <= depth; i++) {
        const w = this.unwoundSum(start, depth, i);
        const at = phiOffset + (feature[start + i] as number);
        phi[at] =
          (phi[at] as number) +
          w * ((one[start + i] as number) - (zero[start + i] as number)) * leafValue;
      }
      return;
    }

    const split = tree.splitFeature[ref] as number;
    const x = values[offset + split * stride] as number;
    const goLeft = Number.isNaN(x)
      ? tree.defaultLeft[ref] === 1
      : toBinnable(x) < (tree.threshold[ref] as number);
    const left = tree.leftChild[ref] as number;
    const right = tree.rightChild[ref] as number;
    const hot = goLeft ? left : right;
    const cold = goLeft ? right : left;
    const cover = tree.nodeCover[ref] as number;
    const hotZero = coverOf(tree, hot) / cover;
    const coldZero = coverOf(tree, cold) / cover;

    // A feature met again on the path: undo its earlier split, then redo it here.
    let incomingZero = 1;
    let incomingOne = 1;
    let d = depth;
    let k = 0;
    while (k <= d && feature[start + k] !== split) k++;
    if (k <= d) {
      incomingZero = zero[start + k] as number;
      incomingOne = one[start + k] as number;
      this.unwind(start, d, k);
      d--;
    }
    this.recurse(
      values,
      offset,
      stride,
      phi,
      phiOffset,
      hot,
      d + 1,
      start,
      hotZero * incomingZero,
      incomingOne,
      split,
    );
    this.recurse(
      values,
      offset,
      stride,
      phi,
      phiOffset,
      cold,
      d + 1,
      start,
      coldZero * incomingZero,
      0,
      split,
    );
  }

  private extend(
    start: number,
    depth: number,
    zeroFraction: number,
    oneFraction: number,
    f: number,
  ): void {
    const { feature, zero, one, weight } = this;
    feature[start + depth] = f;
    zero[start + depth] = zeroFraction;
    one[start + depth] = oneFraction;
    weight[start + depth] = depth === 0 ? 1 : 0;
    for (let i = depth - 1; i >= 0; i--) {
      const wi = weight[start + i] as number;
      weight[start + i + 1] =
        (weight[start + i + 1] as number) + (oneFraction * wi * (i + 1)) / (depth + 1);
      weight[start + i] = (zeroFraction * wi * (depth - i)) / (depth + 1);
    }
  }

  private unwind(start: number, depth: number, index: number): void {
    const { feature, zero, one, weight } = this;
    const oneFraction = one[start + index] as number;
    const zeroFraction = zero[start + index] as number;
    let nextOnePortion = weight[start + depth] as number;
    for (let i = depth - 1; i >= 0; i--) {
      if (oneFraction !== 0) {
        const tmp = weight[start + i] as number;
        weight[start + i] = (nextOnePortion * (depth + 1)) / ((i + 1) * oneFraction);
        nextOnePortion =
          tmp - ((weight[start + i] as number) * zeroFraction * (depth - i)) / (depth + 1);
      } else {
        weight[start + i] =
          ((weight[start + i] as number) * (depth + 1)) / (zeroFraction * (depth - i));
      }
    }
    for (let i = index; i < depth; i++) {
      feature[start + i] = feature[start + i + 1] as number;
      zero[start + i] = zero[start + i + 1] as number;
      one[start + i] = one[start + i + 1] as number;
    }
  }

  private unwoundSum(start: number, depth: number, index: number): number {
    const { zero, one, weight } = this;
    const oneFraction = one[start + index] as number;
    const zeroFraction = zero[start + index] as number;
    let nextOnePortion = weight[start + depth] as number;
    let total = 0;
    if (oneFraction !== 0) {
      for (let i = depth - 1; i >= 0; i--) {
        const tmp = nextOnePortion / ((i + 1) * oneFraction);
        total += tmp;
        nextOnePortion = (weight[start + i] as number) - tmp * zeroFraction * (depth - i);
      }
    } else if (zeroFraction !== 0) {
      for (let i = depth - 1; i >= 0; i--) {
        total += (weight[start + i] as number) / (zeroFraction * (depth - i));
      }
    }
    return total * (depth + 1);
  }
}
