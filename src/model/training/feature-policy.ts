/**
 * Which features a model learns from and under which monotone constraints: the declared directions
 * of src/data/features/monotone.ts (by default), and optionally the client-explainable features
 * only. The same policy gives the served model and the comparison models their columns, so a
 * comparison differs in exactly one setting.
 */
import {
  LEFT_OUT_WHEN_MONOTONE,
  type MonotoneDirection,
  monotoneDirection,
} from '../../data/features/monotone.ts';
import { reasonCodeOf } from '../../data/features/reason-codes.ts';
import type { DenseMatrix } from '../../engine/index.ts';

/** The two settings a model is trained under. */
export interface FeaturePolicy {
  /** Impose the declared monotone directions (and leave out the features that would break them). */
  readonly monotone: boolean;
  /** Learn from the client-explainable features only. */
  readonly clientExplainableOnly: boolean;
}

export interface AppliedPolicy {
  readonly policy: FeaturePolicy;
  /** Indices (into the names given) of the columns kept, ascending. */
  readonly keep: Int32Array;
  readonly featureNames: string[];
  /** Columns left out by the policy, and why. */
  readonly excluded: { name: string; reason: string }[];
  /** Engine parameter, aligned with featureNames (all 0 without monotone). */
  readonly monotoneConstraints: number[];
  /** The constraints imposed, in feature order. */
  readonly constraints: { feature: string; direction: MonotoneDirection }[];
}

/**
 * The reason-code catalogue's flag: a client can be told why the feature bears on repayment
 * (false for a column outside the catalogue, such as a CSV's).
 */
export function isClientExplainable(feature: string): boolean {
  return reasonCodeOf(feature).clientExplainable;
}

const LEFT_OUT = new Map(LEFT_OUT_WHEN_MONOTONE.map((e) => [e.feature, e.reason]));

export const NOT_EXPLAINABLE_REASON =
  'not client-explainable (reason-code catalogue): left out of a model trained with --client-explainable-only';

/**
 * The columns and constraints of `names` under `policy`. `clientExplainable` says whether a
 * feature can be explained to a client (the reason-code catalogue's flag).
 */
export function applyPolicy(
  names: readonly string[],
  policy: FeaturePolicy,
  clientExplainable: (feature: string) => boolean,
): AppliedPolicy {
  const keep: number[] = [];
  const excluded: { name: string; reason: string }[] = [];
  names.forEach((name, c) => {
    const leftOut = policy.monotone ? LEFT_OUT.get(name) : undefined;
    if (leftOut !== undefined) excluded.push({ name, reason: leftOut });
    else if (policy.clientExplainableOnly && !clientExplainable(name))
      excluded.push({ name, reason: NOT_EXPLAINABLE_REASON });
    else keep.push(c);
  });
  const featureNames = keep.map((c) => names[c] as string);
  const monotoneConstraints = featureNames.map((n) => (policy.monotone ? monotoneDirection(n) : 0));
  const constraints = featureNames.flatMap((feature, i) => {
    const direction = monotoneConstraints[i] as number;
    return direction === 0 ? [] : [{ feature, direction: direction as MonotoneDirection }];
  });
  return {
    policy,
    keep: Int32Array.from(keep),
    featureNames,
    excluded,
    monotoneConstraints,
    constraints,
  };
}

/** The columns `keep` of a column-major matrix (the matrix itself when every column is kept). */
export function takeColumns(matrix: DenseMatrix, keep: Int32Array): DenseMatrix {
  if (matrix.layout !== 'column-major')
    throw new Error('takeColumns expects a column-major matrix');
  const { numRows, numCols, values } = matrix;
  if (keep.length === numCols && keep.every((c, i) => c === i)) return matrix;
  const out = new Float64Array(numRows * keep.length);
  keep.forEach((c, j) => {
    out.set(values.subarray(c * numRows, (c + 1) * numRows), j * numRows);
  });
  return { values: out, numRows, numCols: keep.length, layout: 'column-major' };
}
