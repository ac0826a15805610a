import type { BinaryMetrics, CostSpec } from '../run-record.ts';
import { confusionAt } from './confusion.ts';
import { checkCosts, normalisedCostOf } from './cost.ts';
import { brierScore, ksOfCounts, logLoss, prAucOfCounts, rocAucOfCounts } from './metrics.ts';
import { rankingCounts } from './ranking.ts';
import { checkPositive } from './validate.ts';

export interface BinaryMetricsOptions {
  /** Refuse when p ≥ threshold. */
  readonly threshold: number;
  readonly costs: CostSpec;
  /** Weight of recall against precision in F-beta (the project uses 10). */
  readonly beta: number;
}

/**
 * Every metric of one set of predictions (see BinaryMetrics). Precision, recall and F-beta follow
 * scikit-learn's `zero_division = 0`: 0 when their denominator is empty (nobody refused, no
 * defaulter). ROC-AUC, Gini, KS and the normalised cost are NaN when one class is absent.
 */
export function binaryMetrics(
  labels: ArrayLike<number>,
  probs: ArrayLike<number>,
  { threshold, costs, beta }: BinaryMetricsOptions,
): BinaryMetrics {
  checkCosts(costs);
  checkPositive(beta, 'beta');
  const confusion = confusionAt(labels, probs, threshold); // validates labels and probs
  const counts = rankingCounts(labels, probs);
  const rocAuc = rocAucOfCounts(counts);
  const { truePositive: tp, falsePositive: fp, falseNegative: fn } = confusion;
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const b2 = beta * beta;
  const fBeta =
    precision + recall === 0 ? 0 : ((1 + b2) * precision * recall) / (b2 * precision + recall);
  return {
    rocAuc,
    gini: 2 * rocAuc - 1,
    ks: ksOfCounts(counts),
    prAuc: prAucOfCounts(counts),
    brier: brierScore(labels, probs),
    logLoss: logLoss(labels, probs),
    threshold,
    cost: (costs.falseNegative * fn + costs.falsePositive * fp) / labels.length,
    normalisedCost: normalisedCostOf(costs, fn, fp, counts.positives, counts.negatives),
    recall,
    precision,
    fBeta,
    beta,
    confusion,
  };
}
