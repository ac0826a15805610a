import { toBinnable } from './binning/bin-cuts.ts';
import { EngineError } from './errors.ts';
import { compiledForestOf } from './forest/compiled-forest.ts';
import { forestMarginOfLoaded, forestMargins } from './forest/predict-forest.ts';
import type { DenseMatrix } from './matrix.ts';
import type { Model } from './model.ts';
import { getObjective } from './objective/index.ts';
import { predictPool, resolvePredictThreads } from './parallel/predict-workers.ts';

/** Options of batch prediction. */
export interface PredictOptions {
  /**
   * Threads to score with, the calling thread included: 0 (the default) uses every core for
   * batches of at least a million rows × trees, else one thread. Margins are the same bit for
   * bit whatever the count.
   */
  readonly nthread?: number;
}

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
 * (cached per model object) and scored in blocks of rows, on worker threads for large batches.
 */
export function predictMargin(
  model: Model,
  matrix: DenseMatrix,
  options: PredictOptions = {},
): Float64Array {
  checkWidth(model, matrix.numCols, 'matrix');
  const forest = compiledForestOf(model);
  const requested = options.nthread ?? 0;
  if (!Number.isInteger(requested) || requested < 0 || requested > 256) {
    throw new EngineError('BAD_PARAM', {
      name: 'nthread',
      value: String(requested),
      rule: 'an integer from 0 to 256',
    });
  }
  const threads = resolvePredictThreads(requested, matrix.numRows, forest.numTrees);
  if (threads === 1) return forestMargins(forest, matrix);
  return predictPool(threads - 1).margins(forest, matrix);
}

/** Probabilities (binary) or predictions (regression) of every row of a matrix. */
export function predict(
  model: Model,
  matrix: DenseMatrix,
  options: PredictOptions = {},
): Float64Array {
  const out = predictMargin(model, matrix, options);
  const { transform } = getObjective(model.objective);
  for (let r = 0; r < out.length; r++) out[r] = transform(out[r] as number);
  return out;
}
