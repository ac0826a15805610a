import { EngineError } from './errors.ts';
import { type DenseMatrix, strides } from './matrix.ts';
import type { Model } from './model.ts';
import { getObjective } from './objective/index.ts';
import { leafOf } from './tree/tree.ts';

function checkWidth(model: Model, numCols: number, what: string): void {
  if (numCols !== model.featureNames.length) {
    throw new EngineError(
      'BAD_INPUT',
      `${what} has ${numCols} features, the model expects ${model.featureNames.length}`,
    );
  }
}

/** Raw margin (log-odds for binary) of one row; NaN marks a missing value. */
export function predictMarginRow(model: Model, row: ArrayLike<number>): number {
  checkWidth(model, row.length, 'row');
  let sum = model.baseScore;
  for (const tree of model.trees) sum += tree.leafValue[leafOf(tree, row, 0, 1)] as number;
  return sum;
}

/** Probability (binary) or prediction (regression) of one row. */
export function predictRow(model: Model, row: ArrayLike<number>): number {
  return getObjective(model.objective).transform(predictMarginRow(model, row));
}

/** Raw margins of every row of a matrix (row- or column-major). */
export function predictMargin(model: Model, matrix: DenseMatrix): Float64Array {
  checkWidth(model, matrix.numCols, 'matrix');
  const { rowStride, colStride } = strides(matrix);
  const out = new Float64Array(matrix.numRows).fill(model.baseScore);
  // Tree by tree keeps one tree's arrays hot in cache across all rows.
  for (const tree of model.trees) {
    for (let r = 0; r < matrix.numRows; r++) {
      out[r] =
        (out[r] as number) +
        (tree.leafValue[leafOf(tree, matrix.values, r * rowStride, colStride)] as number);
    }
  }
  return out;
}

/** Probabilities (binary) or predictions (regression) of every row of a matrix. */
export function predict(model: Model, matrix: DenseMatrix): Float64Array {
  const out = predictMargin(model, matrix);
  const { transform } = getObjective(model.objective);
  for (let r = 0; r < out.length; r++) out[r] = transform(out[r] as number);
  return out;
}
