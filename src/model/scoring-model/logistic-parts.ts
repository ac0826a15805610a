/**
 * A fitted logistic regression as the registry stores it and the scorer serves it: the
 * preprocessing learnt on the training rows (median fill, missing indicators, standardisation;
 * src/model/training/logistic/preprocess.ts) and the coefficients of the standardised columns.
 */
import type { DesignColumn } from '../training/logistic/preprocess.ts';

export interface LogisticParts {
  /** The model's features, in the order rows follow. */
  readonly featureNames: readonly string[];
  /** Inverse regularisation strength it was fitted with (scikit-learn's C). */
  readonly C: number;
  /** The design columns: each a feature's filled value or its missing indicator, standardised. */
  readonly columns: readonly DesignColumn[];
  /** One coefficient per design column (log-odds per standard deviation). */
  readonly coef: readonly number[];
  /** Margin of a row at every column's training mean: the contributions' base. */
  readonly intercept: number;
  /** The caller's column encoding (CSV categories), as the engine model keeps it. */
  readonly encoding?: Readonly<Record<string, unknown>>;
}
