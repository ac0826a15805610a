/**
 * The training and validation parts of every fold, cut once and shared by every search trial and
 * candidate (cutting a 16,000 × 425 matrix takes longer than one boosting round).
 */
import type { Dataset, DenseMatrix } from '../../engine/index.ts';
import { takeRows, takeValues } from './rows.ts';
import { foldRows } from './split.ts';

export interface Fold {
  readonly fit: Dataset;
  readonly valid: Dataset;
  /** Row indices (into the cross-validated rows) of the validation part. */
  readonly validRows: Int32Array;
}

export interface FoldSet {
  readonly folds: readonly Fold[];
  /** foldOf[i]: the fold in which row i is validated. */
  readonly foldOf: Int32Array;
  readonly labels: Float64Array;
}

export function cutFolds(
  features: DenseMatrix,
  labels: Float64Array,
  foldOf: Int32Array,
  k: number,
): FoldSet {
  const folds: Fold[] = [];
  for (let fold = 0; fold < k; fold++) {
    const { fit, valid } = foldRows(foldOf, fold);
    folds.push({
      fit: { features: takeRows(features, fit), labels: takeValues(labels, fit) },
      valid: { features: takeRows(features, valid), labels: takeValues(labels, valid) },
      validRows: valid,
    });
  }
  return { folds, foldOf, labels };
}
