/**
 * What explanations need from a model: its feature order, a raw probability and SHAP values of
 * one row. The API backs it with the active run's served model, trees or logistic regression
 * (scorerFromModel); tests can back it with anything.
 */
import type { Model, ShapRow } from '../engine/index.ts';
import {
  asScoringModel,
  type ContributionExplainer,
  type ScoringModel,
} from '../model/scoring-model/index.ts';

export interface Scorer {
  /** The model's features, in the order `row` follows. */
  readonly featureNames: readonly string[];
  /** Raw (uncalibrated) probability of default of one row (NaN = missing). */
  predictRaw(row: Float64Array): number;
  /**
   * Contributions of one row in log-odds of default (expectedValue + Σ values = margin): TreeSHAP
   * for trees, coefficient × centred value for logistic regression.
   */
  explain(row: Float64Array): ShapRow;
}

/**
 * A Scorer over a served model (an engine model counts as trees), sharing the model's one
 * explainer unless the caller passes its own.
 */
export function scorerFromModel(
  model: ScoringModel | Model,
  explainer?: ContributionExplainer,
): Scorer {
  const served = asScoringModel(model);
  const explaining = explainer ?? served.explainer();
  return {
    featureNames: served.featureNames,
    predictRaw: (row) => served.predictRow(row),
    explain: (row) => explaining.explainRow(row),
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
