/**
 * K-fold cross-validation of the gradient-boosted trees: one model per fold, early-stopped on the
 * fold's validation part, whose predictions fill the out-of-fold vector. The validation part also
 * chooses the number of rounds, so the out-of-fold log-loss is slightly optimistic; that bias is
 * the same for every trial and candidate, and the holdout gives the unbiased figures.
 */
import { type Model, type ParamInput, predict, train } from '../../engine/index.ts';
import { logLoss } from '../evaluation/index.ts';
import type { FoldSet } from './fold-data.ts';

export interface TreesCv {
  /** Out-of-fold probabilities. */
  readonly oof: Float64Array;
  /** Pooled out-of-fold log-loss. */
  readonly logLoss: number;
  /** 0-based best round of each fold's model. */
  readonly bestIterations: number[];
  readonly models: Model[];
}

export function crossValidateTrees(
  folds: FoldSet,
  params: ParamInput,
  featureNames: readonly string[],
  onFold?: (fold: number) => void,
): TreesCv {
  const oof = new Float64Array(folds.labels.length);
  const bestIterations: number[] = [];
  const models: Model[] = [];
  folds.folds.forEach((fold, f) => {
    const model = train(fold.fit, { params, featureNames, valid: fold.valid });
    const probs = predict(model, fold.valid.features);
    for (let i = 0; i < fold.validRows.length; i++)
      oof[fold.validRows[i] as number] = probs[i] as number;
    bestIterations.push(model.metadata.bestIteration);
    models.push(model);
    onFold?.(f);
  });
  return { oof, logLoss: logLoss(folds.labels, oof), bestIterations, models };
}

/** Rounds to refit with on every row: the mean best round (1-based) of the fold models. */
export function meanRounds(cv: Pick<TreesCv, 'bestIterations'>): number {
  return Math.max(
    1,
    Math.round(cv.bestIterations.reduce((s, b) => s + b + 1, 0) / cv.bestIterations.length),
  );
}

/** Mean of the fold models' probabilities: a cross-fitted prediction for rows outside every fold. */
export function predictFoldAverage(
  models: readonly Model[],
  features: Parameters<typeof predict>[1],
): Float64Array {
  const out = new Float64Array(features.numRows);
  for (const model of models) {
    const probs = predict(model, features);
    for (let i = 0; i < out.length; i++)
      out[i] = (out[i] as number) + (probs[i] as number) / models.length;
  }
  return out;
}
