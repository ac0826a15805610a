/**
 * The model a run serves, whatever its kind: gradient-boosted trees (the engine's model) or
 * logistic regression. Everything downstream — the score table, explanations, what-if, recourse,
 * letters, monitoring — asks this one interface for raw probabilities and for contributions in
 * log-odds (expectedValue + Σ values = the row's margin), so it never needs to know which kind won.
 */
import {
  type DenseMatrix,
  type Model,
  predict,
  predictRow,
  type ShapBatch,
  ShapExplainer,
  type ShapRow,
} from '../../engine/index.ts';
import type { LogisticParts } from './logistic-parts.ts';

/** Contributions in log-odds: exact TreeSHAP for trees, coefficient × centred value for LR. */
export interface ContributionExplainer {
  /** The contributions' base: the model's mean margin over its training population. */
  readonly expectedValue: number;
  explainRow(row: ArrayLike<number>): ShapRow;
  explainBatch(features: DenseMatrix): ShapBatch;
}

interface ScoringModelBase {
  /** The model's features, in the order rows follow (NaN = missing). */
  readonly featureNames: readonly string[];
  /** The caller's column encoding (a CSV's categories), stored with the model; absent otherwise. */
  readonly encoding?: Readonly<Record<string, unknown>>;
  /** Raw (uncalibrated) probabilities of default, one per row. */
  predict(features: DenseMatrix): Float64Array;
  /** Raw probability of default of one row. */
  predictRow(row: ArrayLike<number>): number;
  /** The model's contribution explainer, built once and shared (not re-entrant; one JS thread). */
  explainer(): ContributionExplainer;
}

export interface TreesScoringModel extends ScoringModelBase {
  readonly kind: 'trees';
  /** The engine model (its file format, its trees). */
  readonly engine: Model;
}

export interface LogisticScoringModel extends ScoringModelBase {
  readonly kind: 'logistic';
  /** Coefficients and preprocessing, as stored. */
  readonly logistic: LogisticParts;
}

export type ScoringModel = TreesScoringModel | LogisticScoringModel;

/** The engine's trees as a ScoringModel (TreeSHAP tables built on the first explanation). */
export function treesScoringModel(model: Model): TreesScoringModel {
  let explainer: ShapExplainer | undefined;
  return {
    kind: 'trees',
    engine: model,
    featureNames: model.featureNames,
    ...(model.encoding === undefined ? {} : { encoding: model.encoding }),
    predict: (features) => predict(model, features),
    predictRow: (row) => predictRow(model, row),
    explainer: () => {
      explainer ??= new ShapExplainer(model);
      return explainer;
    },
  };
}

/** A ScoringModel as is, or an engine model wrapped as one (tests and older callers hold those). */
export function asScoringModel(model: Model | ScoringModel): ScoringModel {
  return 'kind' in model ? model : treesScoringModel(model);
}
