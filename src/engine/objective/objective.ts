import type { ObjectiveName } from '../params.ts';

/** A twice-differentiable loss: per-row gradients and hessians of the loss w.r.t. the margin. */
export interface Objective {
  readonly name: ObjectiveName;
  /** Fills grad/hess for every row; `weight` already includes scalePosWeight. */
  gradients(
    margin: Float64Array,
    label: Float64Array,
    weight: Float64Array,
    grad: Float64Array,
    hess: Float64Array,
  ): void;
  /** The starting margin: the best constant from the weighted label mean. */
  baseMargin(label: Float64Array, weight: Float64Array): number;
  /** Margin to prediction (probability for binary, identity for regression). */
  transform(margin: number): number;
  /** Throws when a label is not valid for this objective; returns nothing. */
  checkLabels(label: Float64Array): void;
}
