import { EngineError } from '../errors.ts';
import { type DenseMatrix, strides } from '../matrix.ts';
import type { Model } from '../model.ts';
import { TreeShapExplainer } from './tree-shap.ts';

/** SHAP values in margin units: expectedValue + Σ values[f] equals the row's margin. */
export interface ShapRow {
  readonly expectedValue: number;
  readonly values: Float64Array;
}

/** SHAP values of many rows, row-major: values[r * numFeatures + f]. */
export interface ShapBatch {
  readonly expectedValue: number;
  readonly numRows: number;
  readonly numFeatures: number;
  readonly values: Float64Array;
}

/** Precomputed per-tree explainers of a model; reuse one for many rows. */
export class ShapExplainer {
  private readonly trees: TreeShapExplainer[];
  /** Base margin plus every tree's cover-weighted mean leaf value. */
  readonly expectedValue: number;

  constructor(private readonly model: Model) {
    this.trees = model.trees.map((tree) => new TreeShapExplainer(tree));
    this.expectedValue = this.trees.reduce((sum, t) => sum + t.expectedValue, model.baseScore);
  }

  private checkWidth(numCols: number): void {
    if (numCols !== this.model.featureNames.length) {
      throw new EngineError(
        'BAD_INPUT',
        `input has ${numCols} features, the model expects ${this.model.featureNames.length}`,
      );
    }
  }

  /** SHAP values of one row (NaN = missing). */
  explainRow(row: ArrayLike<number>): ShapRow {
    this.checkWidth(row.length);
    const values = new Float64Array(row.length);
    for (const tree of this.trees) tree.explain(row, 0, 1, values, 0);
    return { expectedValue: this.expectedValue, values };
  }

  /** SHAP values of every row of a matrix (row- or column-major). */
  explainBatch(matrix: DenseMatrix): ShapBatch {
    this.checkWidth(matrix.numCols);
    const { rowStride, colStride } = strides(matrix);
    const numFeatures = matrix.numCols;
    const values = new Float64Array(matrix.numRows * numFeatures);
    for (let r = 0; r < matrix.numRows; r++) {
      for (const tree of this.trees) {
        tree.explain(matrix.values, r * rowStride, colStride, values, r * numFeatures);
      }
    }
    return { expectedValue: this.expectedValue, numRows: matrix.numRows, numFeatures, values };
  }
}

/** SHAP values of one row; for many calls keep a `ShapExplainer`. */
export function shapRow(model: Model, row: ArrayLike<number>): ShapRow {
  return new ShapExplainer(model).explainRow(row);
}

/** SHAP values of every row of a matrix. */
export function shapBatch(model: Model, matrix: DenseMatrix): ShapBatch {
  return new ShapExplainer(model).explainBatch(matrix);
}
