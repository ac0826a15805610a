/**
 * Logistic regression under cross-validation: for each fold, the preprocessing is learnt on the
 * fold's training part only, then every C of the grid is fitted from the strongest penalty to the
 * weakest, each warm-started from the previous solution (a few L-BFGS iterations each). The C with
 * the lowest pooled out-of-fold log-loss wins; its out-of-fold predictions come for free.
 */
import type { DenseMatrix } from '../../../engine/index.ts';
import { logLoss } from '../../evaluation/index.ts';
import { takeRows, takeValues } from '../rows.ts';
import { foldRows } from '../split.ts';
import { fitLogisticDesign, predictDesign } from './fit.ts';
import type { LogisticModel } from './model.ts';
import { fitPreprocessor, transform } from './preprocess.ts';

/** Default grid of C (inverse penalty, scikit-learn's meaning), strongest penalty first. */
export const LOGISTIC_C_GRID: readonly number[] = Object.freeze([0.0003, 0.001, 0.003]);

export interface LogisticSelection {
  readonly C: number;
  /** Pooled out-of-fold log-loss of each C, keyed by String(C). */
  readonly cvLogLoss: Record<string, number>;
  /** Out-of-fold probabilities of the chosen C. */
  readonly oof: Float64Array;
  /** The chosen C's model of each fold. */
  readonly foldModels: LogisticModel[];
}

export function selectLogistic(
  features: DenseMatrix,
  labels: Float64Array,
  foldOf: Int32Array,
  folds: number,
  options: { grid?: readonly number[]; tolerance?: number; onFold?: (fold: number) => void } = {},
): LogisticSelection {
  const grid = [...(options.grid ?? LOGISTIC_C_GRID)].sort((a, b) => a - b);
  const oofByC = grid.map(() => new Float64Array(labels.length));
  const modelsByC: LogisticModel[][] = grid.map(() => []);
  for (let fold = 0; fold < folds; fold++) {
    const { fit, valid } = foldRows(foldOf, fold);
    const fitFeatures = takeRows(features, fit);
    const pre = fitPreprocessor(fitFeatures);
    const p = pre.columns.length;
    const design = transform(pre, fitFeatures);
    const validDesign = transform(pre, takeRows(features, valid));
    const fitLabels = takeValues(labels, fit);
    let start: Float64Array | undefined;
    grid.forEach((C, g) => {
      const result = fitLogisticDesign(design, fit.length, p, fitLabels, {
        C,
        tolerance: options.tolerance ?? 1e-4,
        maxIterations: 150,
        ...(start === undefined ? {} : { start }),
      });
      start = new Float64Array(p + 1);
      start.set(result.coef);
      start[p] = result.intercept;
      modelsByC[g]?.push({ kind: 'logistic', C, preprocessor: pre, ...result });
      const probs = predictDesign(result, validDesign, valid.length);
      const out = oofByC[g] as Float64Array;
      for (let i = 0; i < valid.length; i++) out[valid[i] as number] = probs[i] as number;
    });
    options.onFold?.(fold);
  }
  const cvLogLoss: Record<string, number> = {};
  let best = 0;
  grid.forEach((C, g) => {
    const loss = logLoss(labels, oofByC[g] as Float64Array);
    cvLogLoss[String(C)] = loss;
    if (loss < (cvLogLoss[String(grid[best])] as number)) best = g;
  });
  return {
    C: grid[best] as number,
    cvLogLoss,
    oof: oofByC[best] as Float64Array,
    foldModels: modelsByC[best] as LogisticModel[],
  };
}
