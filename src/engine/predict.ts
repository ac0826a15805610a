import { toBinnable } from './binning/bin-cuts.ts';
import { EngineError } from './errors.ts';
import { compiledForestOf } from './forest/compiled-forest.ts';
import { forestMarginOfLoaded, forestMargins } from './forest/predict-forest.ts';
import type { DenseMatrix } from './matrix.ts';
import type { Model } from './model.ts';
import { getObjective } from './objective/index.ts';

function checkWidth(model: Model, numCols: number, what: string): void {
  if (numCols !== model.featureNames.length) {
    throw new EngineError('FEATURE_COUNT', {
      what,
      count: numCols,
      expected: `the model expects ${model.featureNames.length}`,
    });
  }
}

/** One row's toBinnable values, reused across calls (JavaScript runs one call at a time). */
let rowScratch = new Float32Array(0);

/** Raw margin (log-odds for binary) of one row; NaN marks a missing value. */
export function predictMarginRow(model: Model, row: ArrayLike<number>): number {
  checkWidth(model, row.length, 'row');
  if (rowScratch.length < row.length) rowScratch = new Float32Array(row.length);
  for (let c = 0; c < row.length; c++) rowScratch[c] = toBinnable(row[c] as number);
  return forestMarginOfLoaded(compiledForestOf(model), rowScratch);
}

/** Probability (binary) or prediction (regression) of one row. */
export function predictRow(model: Model, row: ArrayLike<number>): number {
  return getObjective(model.objective).transform(predictMarginRow(model, row));
}

/**
 * Raw margins of every row of a matrix (row- or column-major). The model is flattened once
 * (cached per model object) and scored in blocks of rows.
 */
export function predictMargin(model: Model, matrix: DenseMatrix): Float64Array {
  checkWidth(model, matrix.numCols, 'matrix');
  return forestMargins(compiledForestOf(model), matrix);
}

/** Probabilities (binary) or predictions (regression) of every row of a matrix. */
export function predict(model: Model, matrix: DenseMatrix): Float64Array {
  const out = predictMargin(model, matrix);
  const { transform } = getObjective(model.objective);
  for (let r = 0; r < out.length; r++) out[r] = transform(out[r] as number);
  return out;
}
