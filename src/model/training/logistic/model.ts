/** A fitted logistic-regression candidate: preprocessing plus coefficients, applied to raw features. */
import type { DenseMatrix } from '../../../engine/index.ts';
import { fitLogisticDesign, type LogisticFitOptions, predictDesign } from './fit.ts';
import { fitPreprocessor, type Preprocessor, transform } from './preprocess.ts';

export interface LogisticModel {
  readonly kind: 'logistic';
  readonly C: number;
  readonly preprocessor: Preprocessor;
  readonly coef: Float64Array;
  readonly intercept: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** Learns the preprocessing on `features`, then fits. */
export function fitLogistic(
  features: DenseMatrix,
  labels: ArrayLike<number>,
  options: LogisticFitOptions,
): LogisticModel {
  const preprocessor = fitPreprocessor(features);
  const design = transform(preprocessor, features);
  const fit = fitLogisticDesign(
    design,
    features.numRows,
    preprocessor.columns.length,
    labels,
    options,
  );
  return { kind: 'logistic', C: options.C, preprocessor, ...fit };
}

/** Probabilities of default for raw features. */
export function predictLogistic(model: LogisticModel, features: DenseMatrix): Float64Array {
  return predictDesign(model, transform(model.preprocessor, features), features.numRows);
}

/** Mean probability of several models (e.g. the fold models of a cross-validation). */
export function predictLogisticAverage(
  models: readonly LogisticModel[],
  features: DenseMatrix,
): Float64Array {
  const out = new Float64Array(features.numRows);
  for (const model of models) {
    const probs = predictLogistic(model, features);
    for (let i = 0; i < out.length; i++)
      out[i] = (out[i] as number) + (probs[i] as number) / models.length;
  }
  return out;
}
