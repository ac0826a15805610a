/**
 * What explanations need from a model: its feature order, a raw probability and SHAP values of
 * one row. The API backs it with the active run's engine model (scorerFromModel); tests can back
 * it with anything.
 */
import { type Model, predictRow, ShapExplainer, type ShapRow } from '../engine/index.ts';

export interface Scorer {
  /** The model's features, in the order `row` follows. */
  readonly featureNames: readonly string[];
  /** Raw (uncalibrated) probability of default of one row (NaN = missing). */
  predictRaw(row: Float64Array): number;
  /** SHAP values of one row, in log-odds of default. */
  explain(row: Float64Array): ShapRow;
}

/**
 * A Scorer over an engine model (one ShapExplainer kept for every call); pass the explainer the
 * caller already holds for this model rather than building its tables twice.
 */
export function scorerFromModel(model: Model, explainer = new ShapExplainer(model)): Scorer {
  return {
    featureNames: model.featureNames,
    predictRaw: (row) => predictRow(model, row),
    explain: (row) => explainer.explainRow(row),
  };
}

/**
 * A feature row in the scorer's order from named values (null / missing → NaN). Throws when the
 * model needs a feature the row lacks (a model trained on another feature table).
 */
export function rowForScorer(
  scorer: Pick<Scorer, 'featureNames'>,
  names: readonly string[],
  values: readonly (number | null)[],
): Float64Array {
  const at = new Map(names.map((n, i) => [n, i]));
  return Float64Array.from(scorer.featureNames, (name) => {
    const i = at.get(name);
    if (i === undefined)
      throw new RangeError(`the model needs feature ${name}, absent from the feature row`);
    const v = values[i];
    return v === null || v === undefined ? Number.NaN : v;
  });
}
