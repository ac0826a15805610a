import type { CostSpec, Curve } from '../run-record.ts';
import { type RankingCounts, rankingCounts } from './ranking.ts';
import { checkInteger, checkLabelledProbabilities, checkPositive } from './validate.ts';

/**
 * Business cost of the decision "refuse when p ≥ t".
 *
 * cost = (C_FN · FN + C_FP · FP) / n is the mean cost per application. The normalised cost divides
 * it by the cost of the better trivial policy, min(C_FN · #defaulters, C_FP · #repayers) / n —
 * granting everyone (every defaulter is a false negative) or refusing everyone (every repayer is a
 * false positive). Below 1 the model beats both; 1 means it is no better than the simpler of the
 * two. It is NaN when one class is absent (a trivial policy then costs nothing).
 */

/** The course convention: a granted defaulter costs ten times a refused repayer. */
export const DEFAULT_COSTS: CostSpec = Object.freeze({ falseNegative: 10, falsePositive: 1 });

/**
 * The threshold meaning "grant everyone": 1 + 2^-52, the smallest double above 1, so that no
 * probability reaches it. Chosen over Infinity because it survives JSON (run.json) unchanged.
 */
export const GRANT_ALL_THRESHOLD = 1 + Number.EPSILON;

export function checkCosts(costs: CostSpec): void {
  if (costs === null || typeof costs !== 'object') {
    throw new TypeError('costs must be an object { falseNegative, falsePositive }');
  }
  checkPositive(costs.falseNegative, 'costs.falseNegative');
  checkPositive(costs.falsePositive, 'costs.falsePositive');
}

/** Total cost of the better trivial policy (grant all or refuse all), not divided by n. */
export function trivialPolicyCost(costs: CostSpec, positives: number, negatives: number): number {
  return Math.min(costs.falseNegative * positives, costs.falsePositive * negatives);
}

/** Normalised cost from error counts; NaN when one class is absent. */
export function normalisedCostOf(
  costs: CostSpec,
  falseNegatives: number,
  falsePositives: number,
  positives: number,
  negatives: number,
): number {
  const trivial = trivialPolicyCost(costs, positives, negatives);
  if (trivial === 0) return Number.NaN;
  return (costs.falseNegative * falseNegatives + costs.falsePositive * falsePositives) / trivial;
}

/**
 * Index of the last distinct threshold ≥ t in a decreasing sweep, or −1 when every score is below
 * t: the rows refused at t are exactly those counted at that index.
 */
export function lastIndexAtOrAbove(thresholds: Float64Array, t: number): number {
  let lo = 0;
  let hi = thresholds.length; // first index whose threshold is < t
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((thresholds[mid] as number) >= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function prepared(
  labels: ArrayLike<number>,
  probs: ArrayLike<number>,
  costs: CostSpec,
): RankingCounts {
  checkLabelledProbabilities(labels, probs);
  checkCosts(costs);
  return rankingCounts(labels, probs);
}

/**
 * Normalised cost against the threshold on a regular grid 0, 1/(points − 1), …, 1, for plotting.
 * x = threshold, y = normalised cost of "refuse when p ≥ x" (NaN when one class is absent).
 */
export function costCurve(
  labels: ArrayLike<number>,
  probs: ArrayLike<number>,
  costs: CostSpec,
  points = 101,
): Curve {
  checkInteger(points, 'points', 2);
  const counts = prepared(labels, probs, costs);
  const { thresholds, truePositives, falsePositives, positives, negatives } = counts;
  const x: number[] = [];
  const y: number[] = [];
  for (let k = 0; k < points; k++) {
    const t = k / (points - 1);
    const i = lastIndexAtOrAbove(thresholds, t);
    const tp = i < 0 ? 0 : (truePositives[i] as number);
    const fp = i < 0 ? 0 : (falsePositives[i] as number);
    x.push(t);
    y.push(normalisedCostOf(costs, positives - tp, fp, positives, negatives));
  }
  return { x, y };
}

/**
 * The threshold t minimising the business cost of "refuse when p ≥ t", searched exactly over every
 * distinct predicted value (one sort, one sweep: O(n log n)). `threshold` is one of the predicted
 * values, or GRANT_ALL_THRESHOLD when granting everyone is cheapest. Ties go to the lower cost,
 * then to the higher threshold (fewer refusals).
 */
export function bestThreshold(
  labels: ArrayLike<number>,
  probs: ArrayLike<number>,
  costs: CostSpec,
): { threshold: number; normalisedCost: number } {
  const counts = prepared(labels, probs, costs);
  const { thresholds, truePositives, falsePositives, positives, negatives } = counts;
  // Start from "grant all" and walk down; only a strictly lower cost moves the threshold down.
  let bestTotal = costs.falseNegative * positives;
  let bestThresholdValue = GRANT_ALL_THRESHOLD;
  let bestFalseNegatives = positives;
  let bestFalsePositives = 0;
  for (let i = 0; i < thresholds.length; i++) {
    const fn = positives - (truePositives[i] as number);
    const fp = falsePositives[i] as number;
    const total = costs.falseNegative * fn + costs.falsePositive * fp;
    if (total < bestTotal) {
      bestTotal = total;
      bestThresholdValue = thresholds[i] as number;
      bestFalseNegatives = fn;
      bestFalsePositives = fp;
    }
  }
  return {
    threshold: bestThresholdValue,
    normalisedCost: normalisedCostOf(
      costs,
      bestFalseNegatives,
      bestFalsePositives,
      positives,
      negatives,
    ),
  };
}
