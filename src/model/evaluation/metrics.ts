import { type RankingCounts, rankingCounts } from './ranking.ts';
import { checkLabelledProbabilities } from './validate.ts';

/**
 * Ranking and probability metrics of binary predictions. Labels are 0/1 with 1 = default (the
 * positive class); scores may be any finite numbers, probabilities must lie in [0, 1].
 *
 * Degenerate input: when one class is absent, ROC-AUC and KS have no meaning (there is no pair of a
 * defaulter and a repayer to compare) and are NaN, as is PR-AUC without any defaulter. They never
 * throw for that reason, because a cross-validation fold of a tiny data set can be one-class.
 */

/**
 * Area under the ROC curve, exact with ties: the Mann–Whitney probability that a random defaulter
 * scores above a random repayer, a tie counting 1/2. Computed as the trapezoid area over the
 * distinct thresholds, which equals that probability exactly. O(n log n). NaN if one class only.
 */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  return rocAucOfCounts(rankingCounts(labels, scores));
}

export function rocAucOfCounts(counts: RankingCounts): number {
  const { truePositives, falsePositives, positives, negatives } = counts;
  if (positives === 0 || negatives === 0) return Number.NaN;
  // Twice the trapezoid area in count units: integers below 2^53, so the sum is exact.
  let twiceArea = 0;
  let tpBefore = 0;
  let fpBefore = 0;
  for (let i = 0; i < truePositives.length; i++) {
    const tp = truePositives[i] as number;
    const fp = falsePositives[i] as number;
    twiceArea += (fp - fpBefore) * (tp + tpBefore);
    tpBefore = tp;
    fpBefore = fp;
  }
  return twiceArea / (2 * positives * negatives);
}

/**
 * Average precision, as scikit-learn's `average_precision_score`: Σ (R_i − R_{i−1}) · P_i over the
 * distinct thresholds from the highest down (a step function, no interpolation). NaN without any
 * defaulter; 1 when every row is a defaulter.
 */
export function prAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  return prAucOfCounts(rankingCounts(labels, scores));
}

export function prAucOfCounts(counts: RankingCounts): number {
  const { truePositives, falsePositives, positives } = counts;
  if (positives === 0) return Number.NaN;
  let sum = 0;
  let tpBefore = 0;
  for (let i = 0; i < truePositives.length; i++) {
    const tp = truePositives[i] as number;
    if (tp > tpBefore) sum += ((tp - tpBefore) * tp) / (tp + (falsePositives[i] as number));
    tpBefore = tp;
  }
  return sum / positives;
}

/**
 * Kolmogorov–Smirnov statistic: the largest gap max |F_bad − F_good| between the score
 * distributions of defaulters and repayers, over every threshold. NaN if one class only.
 */
export function ksStatistic(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  return ksOfCounts(rankingCounts(labels, scores));
}

export function ksOfCounts(counts: RankingCounts): number {
  const { truePositives, falsePositives, positives, negatives } = counts;
  if (positives === 0 || negatives === 0) return Number.NaN;
  let best = 0;
  for (let i = 0; i < truePositives.length; i++) {
    const gap = Math.abs(
      (truePositives[i] as number) / positives - (falsePositives[i] as number) / negatives,
    );
    if (gap > best) best = gap;
  }
  return best;
}

/** Brier score: mean squared difference between probability and outcome (lower is better). */
export function brierScore(labels: ArrayLike<number>, probs: ArrayLike<number>): number {
  checkLabelledProbabilities(labels, probs);
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const d = (probs[i] as number) - (labels[i] as number);
    sum += d * d;
  }
  return sum / labels.length;
}

/** Probabilities are clipped to [LOG_LOSS_EPSILON, 1 − LOG_LOSS_EPSILON] so log(0) never occurs. */
export const LOG_LOSS_EPSILON = 1e-15;

/** Mean negative log-likelihood (natural log), as scikit-learn's `log_loss` with eps = 1e-15. */
export function logLoss(labels: ArrayLike<number>, probs: ArrayLike<number>): number {
  checkLabelledProbabilities(labels, probs);
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(Math.max(probs[i] as number, LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
    sum -= labels[i] === 1 ? Math.log(p) : Math.log1p(-p);
  }
  return sum / labels.length;
}
