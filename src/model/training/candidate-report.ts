/**
 * Scores one candidate the same way as every other: its threshold minimises the business cost on
 * its (calibrated) out-of-fold predictions; the cross-validation spread thresholds each fold at
 * that fold's own optimum; the holdout is scored at the out-of-fold threshold.
 */
import { bestThreshold, binaryMetrics, metricSpread } from '../evaluation/index.ts';
import type { BinaryMetrics, CandidateName, CandidateReport, CostSpec } from '../run-record.ts';
import { takeValues } from './rows.ts';
import { foldRows } from './split.ts';

export interface CandidateInput {
  readonly name: CandidateName;
  readonly params: Record<string, unknown>;
  /** Out-of-fold probabilities (calibrated when the candidate is). */
  readonly oof: Float64Array;
  /** Holdout probabilities (calibrated alike). */
  readonly holdout: Float64Array;
}

export interface ScoredCandidate {
  readonly report: CandidateReport;
  readonly threshold: number;
  /** Out-of-fold normalised cost at the threshold (ranks the trees candidates). */
  readonly oofNormalisedCost: number;
}

export function scoreCandidate(
  input: CandidateInput,
  labels: Float64Array,
  foldOf: Int32Array,
  folds: number,
  holdoutLabels: Float64Array,
  costs: CostSpec,
  beta: number,
): ScoredCandidate {
  const chosen = bestThreshold(labels, input.oof, costs);
  const perFold: BinaryMetrics[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const { valid } = foldRows(foldOf, fold);
    const y = takeValues(labels, valid);
    const p = takeValues(input.oof, valid);
    const { threshold } = bestThreshold(y, p, costs);
    perFold.push(binaryMetrics(y, p, { threshold, costs, beta }));
  }
  return {
    report: {
      name: input.name,
      params: input.params,
      cv: metricSpread(perFold),
      holdout: binaryMetrics(holdoutLabels, input.holdout, {
        threshold: chosen.threshold,
        costs,
        beta,
      }),
    },
    threshold: chosen.threshold,
    oofNormalisedCost: chosen.normalisedCost,
  };
}
